#include "CVipsShim.h"

#include <string.h>
#include "LazyVips.h"

int helhed_vips_start(void) {
    if (helhed_lazy_vips_load() != 0) return -1;
    if (VIPS_INIT("helhed") != 0) return -1;
    vips_cache_set_max(0);
    vips_block_untrusted_set(TRUE);
    return 0;
}

int helhed_vips_version(int part) { return vips_version(part); }
const char *helhed_vips_built_version(void) { return VIPS_VERSION; }
void helhed_vips_set_concurrency(int threads) { vips_concurrency_set(threads); }
int helhed_vips_concurrency(void) { return vips_concurrency_get(); }

char *helhed_vips_take_error(void) {
    if (helhed_lazy_vips_error() != NULL) return g_strdup(helhed_lazy_vips_error());
    // vips_error_buffer_copy copies and clears under libvips' own lock.
    char *text = vips_error_buffer_copy();
    if (text != NULL && text[0] == '\0') {
        g_free(text);
        return NULL;
    }
    return text;
}

void helhed_vips_free(void *pointer) { g_free(pointer); }
void helhed_vips_unref(HelhedVipsImage *image) {
    if (image != NULL) g_object_unref(image);
}

const char *helhed_vips_loader_for_buffer(const void *data, size_t length) {
    return vips_foreign_find_load_buffer(data, length);
}

int helhed_vips_has_operation(const char *nickname) {
    return vips_type_find("VipsOperation", nickname) != 0;
}

HelhedVipsImage *helhed_vips_open_header(const void *data, size_t length, int fail_on) {
    return vips_image_new_from_buffer(data, length, "",
        "access", VIPS_ACCESS_SEQUENTIAL, "fail_on", (VipsFailOn)fail_on, NULL);
}

int helhed_vips_width(const HelhedVipsImage *image) { return vips_image_get_width(image); }
int helhed_vips_height(const HelhedVipsImage *image) { return vips_image_get_height(image); }
int helhed_vips_bands(const HelhedVipsImage *image) { return vips_image_get_bands(image); }
int helhed_vips_has_alpha(HelhedVipsImage *image) { return vips_image_hasalpha(image) ? 1 : 0; }
int helhed_vips_orientation(HelhedVipsImage *image) { return vips_image_get_orientation(image); }
int helhed_vips_interpretation(const HelhedVipsImage *image) { return (int)vips_image_get_interpretation(image); }

char **helhed_vips_field_names(HelhedVipsImage *image) { return vips_image_get_fields(image); }
void helhed_vips_free_strings(char **strings) { g_strfreev(strings); }

// The height limit is libvips' maximum: the width alone decides, and `size: down` never enlarges.
HelhedVipsImage *helhed_vips_thumbnail_buffer(const void *data, size_t length, int width, int fail_on) {
    VipsImage *out = NULL;
    // libvips 8.14's thumbnail does not pass its own fail_on to the loader (measured: a JPEG cut in half decoded
    // without error at every level), so the loader gets it through the option string as well.
    static const char *const loader_options[] = { "fail_on=none", "fail_on=truncated", "fail_on=error", "fail_on=warning" };
    const char *options = loader_options[fail_on < 0 ? 0 : fail_on > 3 ? 3 : fail_on];
    // vips_thumbnail_buffer takes a non-const pointer but only reads it.
    if (vips_thumbnail_buffer((void *)data, length, &out, width,
            "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN, "option_string", options,
            "export_profile", "srgb", "fail_on", (VipsFailOn)fail_on, NULL) != 0) return NULL;
    return out;
}

HelhedVipsImage *helhed_vips_thumbnail_crop_buffer(const void *data, size_t length, int width, int height, int fail_on) {
    VipsImage *out = NULL;
    static const char *const loader_options[] = { "fail_on=none", "fail_on=truncated", "fail_on=error", "fail_on=warning" };
    const char *options = loader_options[fail_on < 0 ? 0 : fail_on > 3 ? 3 : fail_on];
    if (vips_thumbnail_buffer((void *)data, length, &out, width,
            "height", height, "crop", VIPS_INTERESTING_CENTRE, "option_string", options,
            "export_profile", "srgb", "fail_on", (VipsFailOn)fail_on, NULL) != 0) return NULL;
    return out;
}

HelhedVipsImage *helhed_vips_thumbnail_image(HelhedVipsImage *image, int width) {
    VipsImage *out = NULL;
    if (vips_thumbnail_image(image, &out, width,
            "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN, "no_rotate", TRUE, NULL) != 0) return NULL;
    return out;
}

HelhedVipsImage *helhed_vips_copy_memory_of_thumbnail(HelhedVipsImage *image, int width) {
    VipsImage *thumbnail = helhed_vips_thumbnail_image(image, width);
    if (thumbnail == NULL) return NULL;
    VipsImage *out = vips_image_copy_memory(thumbnail);
    g_object_unref(thumbnail);
    return out;
}

HelhedVipsImage *helhed_vips_to_srgb(HelhedVipsImage *image) {
    VipsInterpretation interpretation = vips_image_get_interpretation(image);
    VipsInterpretation target = VIPS_INTERPRETATION_sRGB;
    if (interpretation == VIPS_INTERPRETATION_B_W || interpretation == VIPS_INTERPRETATION_GREY16) {
        target = VIPS_INTERPRETATION_B_W;
    }
    if (interpretation == target && vips_image_get_format(image) == VIPS_FORMAT_UCHAR) {
        g_object_ref(image);
        return image;
    }
    VipsImage *out = NULL;
    if (vips_colourspace(image, &out, target, NULL) != 0) return NULL;
    if (vips_image_get_format(out) != VIPS_FORMAT_UCHAR) {
        VipsImage *cast = NULL;
        int failed = vips_cast_uchar(out, &cast, NULL);
        g_object_unref(out);
        if (failed != 0) return NULL;
        out = cast;
    }
    return out;
}

HelhedVipsImage *helhed_vips_without_metadata(HelhedVipsImage *image) {
    VipsImage *out = NULL;
    if (vips_copy(image, &out, NULL) != 0) return NULL;
    char **names = vips_image_get_fields(out);
    // vips_image_remove only removes metadata; the header fields (width, bands, …) stay.
    for (char **name = names; name && *name; name++) vips_image_remove(out, *name);
    g_strfreev(names);
    return out;
}

HelhedVipsImage *helhed_vips_copy_memory(HelhedVipsImage *image) { return vips_image_copy_memory(image); }

int helhed_vips_save_webp(HelhedVipsImage *image, int quality, int effort, void **bytes, size_t *length) {
    // No smart_subsample: measured on a 4000 px photo it doubled the WebP encoding time (0.79 → 1.47 CPU s for
    // the four widths) for no smaller file. libvips 8.14 ignores "strip" here (see WebPContainer.swift).
    return vips_webpsave_buffer(image, bytes, length, "Q", quality, "effort", effort, "strip", TRUE, NULL);
}

int helhed_vips_save_jpeg(HelhedVipsImage *image, int quality, void **bytes, size_t *length) {
    // Optimised Huffman tables; baseline, not progressive: measured on a 4000 px photo's 1600 px variant, progressive
    // was 0.5 % smaller and slower to encode and decode. (The fallback is for browsers without WebP, which are few.)
    // Debian's libjpeg-turbo has no mozjpeg trellis quantisation, so those options are not asked for.
    return vips_jpegsave_buffer(image, bytes, length, "Q", quality, "optimize_coding", TRUE, "strip", TRUE, NULL);
}

int helhed_vips_save_png(HelhedVipsImage *image, int compression, void **bytes, size_t *length) {
    return vips_pngsave_buffer(image, bytes, length, "compression", compression, "strip", TRUE, NULL);
}

char *helhed_sha256_hex(const void *data, size_t length) {
    return g_compute_checksum_for_data(G_CHECKSUM_SHA256, data, length);
}

// MARK: Test pictures

static VipsImage *scaled_perlin(int width, int height, int cell, int seed, double scale) {
    VipsImage *noise = NULL, *scaled = NULL;
    if (vips_perlin(&noise, width, height, "cell_size", cell, "seed", seed, NULL) != 0) return NULL;
    int failed = vips_linear1(noise, &scaled, scale, 0, NULL);
    g_object_unref(noise);
    return failed ? NULL : scaled;
}

// Three noise fields (coarse shapes, medium detail, fine grain) mixed into three colour bands by a matrix: photos
// have detail at all three scales, and a smooth gradient alone would compress to almost nothing and make size
// measurements meaningless. Three Perlin fields rather than nine keeps a 12-megapixel picture quick to make.
HelhedVipsImage *helhed_vips_make_test_photo(int width, int height, int seed) {
    VipsImage *fields[3] = {
        scaled_perlin(width, height, 384, seed, 1.0),
        scaled_perlin(width, height, 40, seed + 1, 1.0),
        scaled_perlin(width, height, 5, seed + 2, 1.0),
    };
    VipsImage *joined = NULL, *matrix = NULL, *mixed = NULL, *shifted = NULL, *bytes = NULL, *out = NULL;
    double mix[9] = { 110, 40, 22,   70, -45, 22,   -60, 30, 22 };
    double base[3] = { 130, 120, 105 };
    double unit[3] = { 1, 1, 1 };
    int ok = fields[0] && fields[1] && fields[2]
        && vips_bandjoin(fields, &joined, 3, NULL) == 0
        && (matrix = vips_image_new_matrix_from_array(3, 3, mix, 9)) != NULL
        && vips_recomb(joined, &mixed, matrix, NULL) == 0
        && vips_linear(mixed, &shifted, unit, base, 3, NULL) == 0
        && vips_cast_uchar(shifted, &bytes, NULL) == 0
        && vips_copy(bytes, &out, "interpretation", VIPS_INTERPRETATION_sRGB, NULL) == 0;
    VipsImage *parts[] = { fields[0], fields[1], fields[2], joined, matrix, mixed, shifted, bytes };
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) if (parts[i]) g_object_unref(parts[i]);
    if (!ok && out) { g_object_unref(out); out = NULL; }
    return out;
}

HelhedVipsImage *helhed_vips_make_transparent(int width, int height) {
    double pixel[4] = { 200, 40, 40, 128 };
    VipsImage *black = NULL, *filled = NULL, *out = NULL;
    int ok = vips_black(&black, width, height, "bands", 4, NULL) == 0
        && vips_linear(black, &filled, (double[]){ 1, 1, 1, 1 }, pixel, 4, "uchar", TRUE, NULL) == 0
        && vips_copy(filled, &out, "interpretation", VIPS_INTERPRETATION_sRGB, NULL) == 0;
    if (black) g_object_unref(black);
    if (filled) g_object_unref(filled);
    if (!ok && out) { g_object_unref(out); out = NULL; }
    return out;
}

HelhedVipsImage *helhed_vips_with_blob(HelhedVipsImage *image, const char *name, const void *data, size_t length) {
    VipsImage *out = NULL;
    if (vips_copy(image, &out, NULL) != 0) return NULL;
    vips_image_set_blob_copy(out, name, data, length);
    return out;
}

HelhedVipsImage *helhed_vips_with_int(HelhedVipsImage *image, const char *name, int value) {
    VipsImage *out = NULL;
    if (vips_copy(image, &out, NULL) != 0) return NULL;
    vips_image_set_int(out, name, value);
    return out;
}

int helhed_vips_save_jpeg_keeping_metadata(HelhedVipsImage *image, int quality, void **bytes, size_t *length) {
    return vips_jpegsave_buffer(image, bytes, length, "Q", quality, NULL);
}
