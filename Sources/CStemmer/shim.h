// Debian's libstemmer-dev ships no pkg-config file, so the module map names the header and the library itself.
#include <libstemmer.h>
