#include <dlfcn.h>
#include <stdio.h>
#include <vips/vips.h>

#define HELHED_LAZY_VIPS_FILLS_TABLE
#include "LazyVips.h"

struct helhed_vips_functions helhed_vips;
static char load_error[512];

int helhed_lazy_vips_load(void) {
    // The ABI version of the headers Helhed was built with: libvips.so.42 for 8.x.
    char soname[32];
    snprintf(soname, sizeof soname, "libvips.so.%d", VIPS_LIBRARY_CURRENT - VIPS_LIBRARY_AGE);
    void *library = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        snprintf(load_error, sizeof load_error, "cannot open %s (%s); install it with: apt-get install libvips42",
                 soname, dlerror());
        return -1;
    }
#define HELHED_VIPS_RESOLVE(name) \
    if ((*(void **)&helhed_vips.name = dlsym(library, #name)) == NULL) { \
        snprintf(load_error, sizeof load_error, "%s has no %s", soname, #name); \
        return -1; \
    }
    HELHED_VIPS_FUNCTIONS(HELHED_VIPS_RESOLVE)
    return 0;
}

const char *helhed_lazy_vips_error(void) { return load_error[0] ? load_error : NULL; }
