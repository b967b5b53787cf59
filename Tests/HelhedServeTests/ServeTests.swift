import Testing
@testable import HelhedServe
