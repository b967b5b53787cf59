#ifndef HELHED_CVIPSSHIM_H
#define HELHED_CVIPSSHIM_H

// Plain (non-variadic) C functions around the libvips calls Helhed needs. Swift cannot call variadic C functions,
// and most of libvips' API takes optional arguments as NULL-terminated name/value lists.
//
// The header deliberately includes no libvips or GLib header: Swift sees an opaque image pointer only, which keeps
// GLib's thousands of declarations out of every Swift file that imports this module.

#include <stddef.h>

typedef struct _VipsImage HelhedVipsImage;

/// Starts libvips once (VIPS_INIT), turns its operation cache off (pictures are made once each; the cache would only
/// hold memory, and keys buffers by address) and blocks the loaders libvips marks untrusted (ImageMagick, PDF,
/// FITS, …). Returns 0, or -1 when libvips could not start (see helhed_vips_take_error).
int helhed_vips_start(void);

/// The libvips version numbers: part 0 major, 1 minor, 2 micro.
int helhed_vips_version(int part);

/// The version of the libvips headers Helhed was built with, e.g. "8.14.1": known without opening the library.
const char *helhed_vips_built_version(void);

/// How many threads libvips may use for one image. 1 lets Helhed's own parallelism (a picture per task) use the cores.
void helhed_vips_set_concurrency(int threads);
int helhed_vips_concurrency(void);

/// The accumulated libvips error text, which the caller frees with helhed_vips_free, and clears it. NULL when empty.
char *helhed_vips_take_error(void);

void helhed_vips_free(void *pointer);
void helhed_vips_unref(HelhedVipsImage *image);

/// The name of the loader libvips would use for these bytes (e.g. "VipsForeignLoadJpegBuffer"), from the magic
/// bytes alone, or NULL when no loader claims them. The name is libvips' own static string: do not free it.
const char *helhed_vips_loader_for_buffer(const void *data, size_t length);

/// Whether libvips has an operation (a loader or a saver), e.g. "webpsave_buffer", "heifload_buffer".
int helhed_vips_has_operation(const char *nickname);

/// Opens an image from memory reading its header only (sequential access: no pixel is decoded until asked for).
/// `fail_on` is 0 none, 1 truncated, 2 error, 3 warning (VipsFailOn). NULL on failure.
HelhedVipsImage *helhed_vips_open_header(const void *data, size_t length, int fail_on);

int helhed_vips_width(const HelhedVipsImage *image);
int helhed_vips_height(const HelhedVipsImage *image);
int helhed_vips_bands(const HelhedVipsImage *image);
int helhed_vips_has_alpha(HelhedVipsImage *image);
/// The EXIF orientation (1–8; 1 when absent).
int helhed_vips_orientation(HelhedVipsImage *image);
/// VipsInterpretation as an int: 22 sRGB, 26 B_W, 25 RGB16, 27 GREY16, 15 CMYK, … (see vips/image.h).
int helhed_vips_interpretation(const HelhedVipsImage *image);
/// The names of the image's metadata fields, NULL-terminated; free with helhed_vips_free_strings.
char **helhed_vips_field_names(HelhedVipsImage *image);
void helhed_vips_free_strings(char **strings);

/// The picture from memory, upright (EXIF orientation applied), shrunk to `width` pixels wide (never enlarged),
/// colour-managed to sRGB through its embedded ICC profile when it has one. Shrink-on-load makes this cheap for
/// JPEG. Lazy: pixels are decoded when the result is saved or copied to memory. NULL on failure.
HelhedVipsImage *helhed_vips_thumbnail_buffer(const void *data, size_t length, int width, int fail_on);

/// The picture from memory, upright and colour-managed as above, scaled and cropped to exactly `width` × `height`
/// (the middle of the picture is kept; libvips' "attention" finds the busiest part, at about twice the cost), for
/// cards and Open Graph. Enlarges a picture smaller than that. NULL on failure.
HelhedVipsImage *helhed_vips_thumbnail_crop_buffer(const void *data, size_t length, int width, int height, int fail_on);

/// An image already upright and in sRGB, shrunk to `width` pixels wide. NULL on failure.
HelhedVipsImage *helhed_vips_thumbnail_image(HelhedVipsImage *image, int width);

/// helhed_vips_thumbnail_image rendered into memory, to be encoded twice and shrunk again. NULL on failure.
HelhedVipsImage *helhed_vips_copy_memory_of_thumbnail(HelhedVipsImage *image, int width);

/// 8-bit sRGB (or 8-bit grey for grey pictures, which browsers show as they are): converts CMYK, Lab, 16-bit and
/// other interpretations. Returns a new reference (possibly to the same image). NULL on failure.
HelhedVipsImage *helhed_vips_to_srgb(HelhedVipsImage *image);

/// A copy of the image without any metadata field (EXIF and its GPS, XMP, IPTC, ICC profile, orientation, comments).
/// The encoders also pass "strip", but libvips 8.14's WebP saver writes EXIF, XMP and ICC regardless (measured: a
/// camera photo's GPS position reached every WebP variant), so the fields are removed from the image itself.
HelhedVipsImage *helhed_vips_without_metadata(HelhedVipsImage *image);

/// Renders the whole image into memory, so that several encoders can read it without decoding again. NULL on failure.
HelhedVipsImage *helhed_vips_copy_memory(HelhedVipsImage *image);

/// Encoders to memory. Every metadata block (EXIF with GPS, XMP, IPTC, ICC) is stripped. On success 0 and `*bytes`
/// (free with helhed_vips_free) of `*length` bytes; -1 on failure.
int helhed_vips_save_webp(HelhedVipsImage *image, int quality, int effort, void **bytes, size_t *length);
int helhed_vips_save_jpeg(HelhedVipsImage *image, int quality, void **bytes, size_t *length);
int helhed_vips_save_png(HelhedVipsImage *image, int compression, void **bytes, size_t *length);

/// SHA-256 of the bytes as 64 lower-case hex digits (GLib's GChecksum); free with helhed_vips_free.
char *helhed_sha256_hex(const void *data, size_t length);

// For tests and measurements: making pictures with libvips itself.

/// A photo-like test picture: smooth Perlin "landscape" colour fields with fine gaussian grain. NULL on failure.
HelhedVipsImage *helhed_vips_make_test_photo(int width, int height, int seed);
/// A flat picture with an alpha channel (4 bands, half transparent). NULL on failure.
HelhedVipsImage *helhed_vips_make_transparent(int width, int height);
/// Sets a metadata field on the image (copied first, so the caller keeps its own reference semantics: returns a new
/// image). Blobs ("exif-data", "xmp-data") and ints ("orientation").
HelhedVipsImage *helhed_vips_with_blob(HelhedVipsImage *image, const char *name, const void *data, size_t length);
HelhedVipsImage *helhed_vips_with_int(HelhedVipsImage *image, const char *name, int value);
/// Saves keeping metadata (unlike the encoders above), for making test inputs. 0 or -1.
int helhed_vips_save_jpeg_keeping_metadata(HelhedVipsImage *image, int quality, void **bytes, size_t *length);

#endif
