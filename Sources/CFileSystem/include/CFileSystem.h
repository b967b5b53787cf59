#ifndef HELHED_CFILESYSTEM_H
#define HELHED_CFILESYSTEM_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE), which glibc only declares under
/// _GNU_SOURCE. Returns 0, or -1 with errno set (ENOSYS where the call does not exist).
int helhed_exchange_paths(const char *first, const char *second);

/// Gives memory that was freed back to the system (glibc's malloc_trim); does nothing elsewhere. Writing a large
/// site in batches frees each batch's pages, but glibc keeps freed memory in its per-thread arenas until asked.
void helhed_release_free_memory(void);

#endif
