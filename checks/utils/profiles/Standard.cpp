//===--- Standard.cpp - the std and POSIX profile -------------------------===//
//
// The C++ standard library and POSIX: what blocks the calling thread, and
// what runs a callable on another thread.
//
//===----------------------------------------------------------------------===//

#include "Builtin.h"

namespace clang::tidy::coro::profiles {
namespace {

using K = EntryKind;
// A leading "::" means the global (POSIX/C) function, not some namespace's
// namesake.
constexpr ProfileEntry Entries[] = {
    // Sleeping.
    {K::Blocking, "std::this_thread::sleep_for"},
    {K::Blocking, "std::this_thread::sleep_until"},
    {K::Blocking, "::sleep"},
    {K::Blocking, "::usleep"},
    {K::Blocking, "::nanosleep"},
    {K::Blocking, "::clock_nanosleep"},
    // Waiting for another thread.
    {K::Blocking, "std::condition_variable::wait"},
    {K::Blocking, "std::condition_variable::wait_for"},
    {K::Blocking, "std::condition_variable::wait_until"},
    {K::Blocking, "std::condition_variable_any::wait"},
    {K::Blocking, "std::condition_variable_any::wait_for"},
    {K::Blocking, "std::condition_variable_any::wait_until"},
    {K::Blocking, "std::future::get"},
    {K::Blocking, "std::future::wait"},
    {K::Blocking, "std::future::wait_for"},
    {K::Blocking, "std::future::wait_until"},
    {K::Blocking, "std::shared_future::get"},
    {K::Blocking, "std::shared_future::wait"},
    {K::Blocking, "std::shared_future::wait_for"},
    {K::Blocking, "std::shared_future::wait_until"},
    {K::Blocking, "std::thread::join"},
    {K::Blocking, "std::jthread::join"},
    {K::Blocking, "std::counting_semaphore::acquire"},
    {K::Blocking, "std::latch::wait"},
    {K::Blocking, "std::latch::arrive_and_wait"},
    {K::Blocking, "std::barrier::arrive_and_wait"},
    {K::Blocking, "std::barrier::wait"},
    {K::Blocking, "std::atomic::wait"},
    {K::Blocking, "std::atomic_flag::wait"},
    {K::Blocking, "::pthread_join"},
    {K::Blocking, "::pthread_cond_wait"},
    {K::Blocking, "::pthread_cond_timedwait"},
    {K::Blocking, "::sem_wait"},
    {K::Blocking, "::sem_timedwait"},
    {K::Blocking, "::wait"},
    {K::Blocking, "::waitpid"},
    {K::Blocking, "::waitid"},
    // Blocking I/O and processes.
    {K::Blocking, "::read"},
    {K::Blocking, "::write"},
    {K::Blocking, "::recv"},
    {K::Blocking, "::recvfrom"},
    {K::Blocking, "::recvmsg"},
    {K::Blocking, "::send"},
    {K::Blocking, "::sendto"},
    {K::Blocking, "::sendmsg"},
    {K::Blocking, "::accept"},
    {K::Blocking, "::accept4"},
    {K::Blocking, "::connect"},
    {K::Blocking, "::poll"},
    {K::Blocking, "::ppoll"},
    {K::Blocking, "::select"},
    {K::Blocking, "::pselect"},
    {K::Blocking, "::epoll_wait"},
    {K::Blocking, "::epoll_pwait"},
    {K::Blocking, "::fread"},
    {K::Blocking, "::fwrite"},
    {K::Blocking, "::fgets"},
    {K::Blocking, "::getline"},
    {K::Blocking, "::getdelim"},
    {K::Blocking, "::getchar"},
    {K::Blocking, "::scanf"},
    {K::Blocking, "::fscanf"},
    {K::Blocking, "::system"},
    {K::Blocking, "std::system"},
    {K::Blocking, "::popen"},
    {K::Blocking, "::pclose"},
    {K::Blocking, "::getaddrinfo"},
    {K::Blocking, "::gethostbyname"},
    {K::Blocking, "::gethostbyname_r"},
    // Name resolution.
    {K::Blocking, "::getnameinfo"},
    {K::Blocking, "::gethostbyaddr"},
    {K::Blocking, "::res_query"},
    {K::Blocking, "::res_search"},
    // CPU-heavy by design: password hashing and key derivation take tens of
    // milliseconds or more, a reactor stall real servers fixed by moving it
    // to a thread pool.
    {K::Blocking, "::crypt"},
    {K::Blocking, "::crypt_r"},
    {K::Blocking, "::crypt_rn"},
    {K::Blocking, "::crypt_ra"},
    {K::Blocking, "::bcrypt_hashpw"},
    {K::Blocking, "::bcrypt_checkpw"},
    {K::Blocking, "::PKCS5_PBKDF2_HMAC"},
    {K::Blocking, "::PKCS5_PBKDF2_HMAC_SHA1"},
    {K::Blocking, "::EVP_PBE_scrypt"},
    {K::Blocking, "::argon2_hash"},
    {K::Blocking, "::argon2i_hash_raw"},
    {K::Blocking, "::argon2i_hash_encoded"},
    {K::Blocking, "::argon2id_hash_raw"},
    {K::Blocking, "::argon2id_hash_encoded"},
    {K::Blocking, "::argon2i_verify"},
    {K::Blocking, "::argon2id_verify"},
    {K::Blocking, "::crypto_pwhash"},
    {K::Blocking, "::crypto_pwhash_str"},
    {K::Blocking, "::crypto_pwhash_str_verify"},
    // std::filesystem operations that walk or copy a tree or ask the file
    // system for totals. (Single metadata queries such as exists() are
    // reported only with coro-blocking-call.FilesystemMetadata.)
    {K::Blocking, "std::filesystem::copy"},
    {K::Blocking, "std::filesystem::copy_file"},
    {K::Blocking, "std::filesystem::remove_all"},
    {K::Blocking, "std::filesystem::space"},
    {K::Blocking, "std::filesystem::directory_iterator::directory_iterator"},
    {K::Blocking, "std::filesystem::directory_iterator::increment"},
    {K::Blocking, "std::filesystem::directory_iterator::operator++"},
    {K::Blocking,
     "std::filesystem::recursive_directory_iterator::recursive_directory_iterator"},
    {K::Blocking, "std::filesystem::recursive_directory_iterator::increment"},
    {K::Blocking, "std::filesystem::recursive_directory_iterator::operator++"},
    // Running a callable elsewhere.
    {K::Offload, "std::async"},
    {K::Offload, "std::thread::thread"},
    {K::Offload, "std::jthread::jthread"},
    {K::Offload, "::pthread_create"},
    {K::EagerType, "std::future"},
    {K::KeepAlive, "std::enable_shared_from_this::shared_from_this"},
    {K::CatchAllType, "std::exception"},
    // coro-sequential-await: what gathers, what already runs concurrently,
    // what is awaited in a loop on purpose (pacing, ordered I/O, locks).
    {K::LockOrPermit, "std::counting_semaphore"},
    {K::LockOrPermit, "std::lock_guard"},
    {K::LockOrPermit, "std::scoped_lock"},
    // coro-dangling-reference: where a task or callable outlives the call
    // that takes it, what keeps one alive, what views borrow.
    {K::TaskEscaping, "push_back"},
    {K::TaskEscaping, "push_front"},
    {K::TaskEscaping, "emplace_back"},
    {K::TaskEscaping, "emplace_front"},
    {K::TaskEscaping, "push"},
    {K::TaskEscaping, "emplace"},
    {K::TaskEscaping, "insert"},
    {K::StoresCallable, "std::function::function"},
    {K::ViewType, "std::basic_string_view"},
    {K::ViewType, "std::span"},
};

} // namespace

const LibraryProfile &standard() {
  static const LibraryProfile P{"std",
                                "the C++ standard library and POSIX",
                                "https://en.cppreference.com/w/cpp",
                                {},
                                {},
                                {},
                                Entries};
  return P;
}

} // namespace clang::tidy::coro::profiles
