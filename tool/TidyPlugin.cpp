//===--- TidyPlugin.cpp - the coro checks as a clang-tidy plugin ----------===//
//
// Built into a shared library for `clang-tidy-19 --load=<path>`. The checks
// register themselves with the host's module registry (CoroTidyModule.cpp);
// this file only refuses to load into a clang-tidy of another LLVM version,
// where the module would register into an incompatible registry and silently
// report nothing (or crash).
//
//===----------------------------------------------------------------------===//

#include "llvm/Config/llvm-config.h"
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <link.h>
#include <string>
#include <unistd.h>

namespace {

/// The LLVM major version in a shared library name such as libLLVM-14.so.1,
/// libLLVM.so.19.1 or libclang-cpp.so.18, or 0.
int versionInLibraryName(const char *Path) {
  const char *Base = std::strrchr(Path, '/');
  Base = Base ? Base + 1 : Path;
  const char *Rest = nullptr;
  if (!std::strncmp(Base, "libLLVM-", 8))
    Rest = Base + 8;
  else if (!std::strncmp(Base, "libLLVM.so.", 11))
    Rest = Base + 11;
  else if (!std::strncmp(Base, "libclang-cpp.so.", 16))
    Rest = Base + 16;
  else
    return 0;
  return std::atoi(Rest);
}

int callback(dl_phdr_info *Info, size_t, void *Data) {
  int V = versionInLibraryName(Info->dlpi_name ? Info->dlpi_name : "");
  if (V && V != LLVM_VERSION_MAJOR)
    *static_cast<int *>(Data) = V;
  return 0;
}

/// The version in the host executable's name (clang-tidy-18), or 0.
int versionInExecutableName() {
  char Buf[4096];
  ssize_t N = readlink("/proc/self/exe", Buf, sizeof(Buf) - 1);
  if (N <= 0)
    return 0;
  Buf[N] = '\0';
  std::string Path(Buf);
  for (const char *Marker : {"clang-tidy-", "llvm-"}) {
    size_t At = Path.rfind(Marker);
    if (At != std::string::npos) {
      int V = std::atoi(Path.c_str() + At + std::strlen(Marker));
      if (V)
        return V;
    }
  }
  return 0;
}

__attribute__((constructor)) void corolintVersionGuard() {
  int Host = 0;
  dl_iterate_phdr(callback, &Host);
  if (!Host) {
    int V = versionInExecutableName();
    if (V && V != LLVM_VERSION_MAJOR)
      Host = V;
  }
  if (!Host)
    return;
  std::fprintf(stderr,
               "corolint plugin: built for LLVM %d but loaded into a "
               "clang-tidy of LLVM %d, where its checks cannot work; run it "
               "with clang-tidy-%d --load, or use the corolint binary\n",
               LLVM_VERSION_MAJOR, Host, LLVM_VERSION_MAJOR);
  std::fflush(stderr);
  _exit(2);
}

} // namespace
