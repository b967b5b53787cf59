// hunspell's C API (Hunspell_create, Hunspell_spell, Hunspell_suggest, Hunspell_add_with_affix, …).
// The library's name carries its version (libhunspell-1.7), so the link flags come from pkg-config ("hunspell"),
// not from a `link` line in the module map.
#include <hunspell.h>
