import HelhedCore
