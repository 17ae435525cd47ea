#ifndef EKSDOC_CSYSTEM_H
#define EKSDOC_CSYSTEM_H

/// Swaps two paths atomically (Linux renameat2 with RENAME_EXCHANGE). Returns 0, or -1 with errno set
/// (ENOSYS or EINVAL where the kernel or filesystem cannot exchange).
int eksdoc_exchange_paths(const char *first, const char *second);

#endif
