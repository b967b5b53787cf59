#ifndef HELHED_LAZY_VIPS_H
#define HELHED_LAZY_VIPS_H

// libvips is opened on first use (helhed_vips_start), not linked: it brings about 70 libraries (codecs, cairo, pango,
// HDF5, …) whose loading cost every `helhed` start 40–70 ms, measured with LD_PRELOAD on the same binary, although
// most builds make no picture. Only this file knows: the shim below calls libvips by its usual names, which from
// here on mean the functions looked up in the opened library. A name missing from the list fails at link time
// (the library is not linked), so the list cannot silently fall behind the shim.

#include <vips/vips.h>

#define HELHED_VIPS_FUNCTIONS(X) \
    X(vips_init) X(vips_version) X(vips_error) X(vips_error_buffer_copy) X(vips_cache_set_max) \
    X(vips_block_untrusted_set) X(vips_concurrency_set) X(vips_concurrency_get) X(vips_type_find) \
    X(vips_foreign_find_load_buffer) X(vips_image_new_from_buffer) X(vips_image_new_matrix_from_array) \
    X(vips_image_get_width) X(vips_image_get_height) X(vips_image_get_bands) X(vips_image_get_format) \
    X(vips_image_get_interpretation) X(vips_image_get_orientation) X(vips_image_hasalpha) X(vips_image_get_fields) \
    X(vips_image_remove) X(vips_image_set_blob_copy) X(vips_image_set_int) X(vips_image_copy_memory) \
    X(vips_thumbnail_buffer) X(vips_thumbnail_image) X(vips_colourspace) X(vips_cast_uchar) X(vips_copy) \
    X(vips_webpsave_buffer) X(vips_jpegsave_buffer) X(vips_pngsave_buffer) \
    X(vips_perlin) X(vips_linear1) X(vips_linear) X(vips_bandjoin) X(vips_recomb) X(vips_black) \
    X(g_object_ref) X(g_object_unref)

/// Opens libvips and looks up every function of the list, once; 0 on success, else -1 with the reason for
/// helhed_lazy_vips_error.
int helhed_lazy_vips_load(void);
/// Why libvips could not be opened, or NULL.
const char *helhed_lazy_vips_error(void);

#define HELHED_VIPS_POINTER(name) __typeof__(name) *name;
extern struct helhed_vips_functions { HELHED_VIPS_FUNCTIONS(HELHED_VIPS_POINTER) } helhed_vips;

// Each name now calls through the table (a macro does not expand inside its own expansion, so `helhed_vips.name`
// is the field). GLib defines g_object_ref as a macro of its own; it is replaced. LazyVips.c, which fills the
// table, keeps the real names.
#ifndef HELHED_LAZY_VIPS_FILLS_TABLE
#undef g_object_ref
#define vips_init (*helhed_vips.vips_init)
#define vips_version (*helhed_vips.vips_version)
#define vips_error (*helhed_vips.vips_error)
#define vips_error_buffer_copy (*helhed_vips.vips_error_buffer_copy)
#define vips_cache_set_max (*helhed_vips.vips_cache_set_max)
#define vips_block_untrusted_set (*helhed_vips.vips_block_untrusted_set)
#define vips_concurrency_set (*helhed_vips.vips_concurrency_set)
#define vips_concurrency_get (*helhed_vips.vips_concurrency_get)
#define vips_type_find (*helhed_vips.vips_type_find)
#define vips_foreign_find_load_buffer (*helhed_vips.vips_foreign_find_load_buffer)
#define vips_image_new_from_buffer (*helhed_vips.vips_image_new_from_buffer)
#define vips_image_new_matrix_from_array (*helhed_vips.vips_image_new_matrix_from_array)
#define vips_image_get_width (*helhed_vips.vips_image_get_width)
#define vips_image_get_height (*helhed_vips.vips_image_get_height)
#define vips_image_get_bands (*helhed_vips.vips_image_get_bands)
#define vips_image_get_format (*helhed_vips.vips_image_get_format)
#define vips_image_get_interpretation (*helhed_vips.vips_image_get_interpretation)
#define vips_image_get_orientation (*helhed_vips.vips_image_get_orientation)
#define vips_image_hasalpha (*helhed_vips.vips_image_hasalpha)
#define vips_image_get_fields (*helhed_vips.vips_image_get_fields)
#define vips_image_remove (*helhed_vips.vips_image_remove)
#define vips_image_set_blob_copy (*helhed_vips.vips_image_set_blob_copy)
#define vips_image_set_int (*helhed_vips.vips_image_set_int)
#define vips_image_copy_memory (*helhed_vips.vips_image_copy_memory)
#define vips_thumbnail_buffer (*helhed_vips.vips_thumbnail_buffer)
#define vips_thumbnail_image (*helhed_vips.vips_thumbnail_image)
#define vips_colourspace (*helhed_vips.vips_colourspace)
#define vips_cast_uchar (*helhed_vips.vips_cast_uchar)
#define vips_copy (*helhed_vips.vips_copy)
#define vips_webpsave_buffer (*helhed_vips.vips_webpsave_buffer)
#define vips_jpegsave_buffer (*helhed_vips.vips_jpegsave_buffer)
#define vips_pngsave_buffer (*helhed_vips.vips_pngsave_buffer)
#define vips_perlin (*helhed_vips.vips_perlin)
#define vips_linear1 (*helhed_vips.vips_linear1)
#define vips_linear (*helhed_vips.vips_linear)
#define vips_bandjoin (*helhed_vips.vips_bandjoin)
#define vips_recomb (*helhed_vips.vips_recomb)
#define vips_black (*helhed_vips.vips_black)
#define g_object_ref (*helhed_vips.g_object_ref)
#define g_object_unref (*helhed_vips.g_object_unref)
#endif

#endif
