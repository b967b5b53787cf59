#ifndef HELHED_CFILESYSTEM_H
#define HELHED_CFILESYSTEM_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE), which glibc only declares under
/// _GNU_SOURCE. Returns 0, or -1 with errno set (ENOSYS where the call does not exist).
int helhed_exchange_paths(const char *first, const char *second);

#endif
