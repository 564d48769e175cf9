// POSIX descriptor I/O spelled as glibc spells it: flags that are both an
// enumerator and a macro of the same name (SOCK_NONBLOCK, MSG_DONTWAIT),
// flags and errors that are plain macros (O_NONBLOCK, EAGAIN, EWOULDBLOCK
// defined as EAGAIN), errno a macro over a function.
#pragma once
#include <coroutine>

extern "C" {
long read(int, void *, unsigned long);
long write(int, const void *, unsigned long);
long recv(int, void *, unsigned long, int);
long send(int, const void *, unsigned long, int);
long recvfrom(int, void *, unsigned long, int, void *, unsigned *);
long sendto(int, const void *, unsigned long, int, const void *, unsigned);
int accept(int, void *, unsigned *);
int accept4(int, void *, unsigned *, int);
int connect(int, const void *, unsigned);
int socket(int, int, int);
int socketpair(int, int, int, int *);
int pipe(int *);
int pipe2(int *, int);
int fcntl(int, int, ...);
int ioctl(int, unsigned long, ...);
int eventfd(unsigned int, int);
int close(int);
int *__errno_location();
int open(const char *, int, ...);
typedef struct _IO_FILE FILE;
FILE *fopen(const char *, const char *);
int fclose(FILE *);
int fscanf(FILE *, const char *, ...);
char *fgets(char *, int, FILE *);
}

enum __socket_type { SOCK_STREAM = 1, SOCK_NONBLOCK = 04000 };
#define SOCK_STREAM SOCK_STREAM
#define SOCK_NONBLOCK SOCK_NONBLOCK
enum { MSG_PEEK = 0x02, MSG_DONTWAIT = 0x40 };
#define MSG_PEEK MSG_PEEK
#define MSG_DONTWAIT MSG_DONTWAIT
enum { EFD_NONBLOCK = 04000 };
#define EFD_NONBLOCK EFD_NONBLOCK
#define AF_INET 2
#define F_GETFL 3
#define F_SETFL 4
#define O_NONBLOCK 04000
#define O_RDONLY 0
#define FIONBIO 0x5421
#define EINTR 4
#define EAGAIN 11
#define EWOULDBLOCK EAGAIN
#define EINPROGRESS 115
#define errno (*__errno_location())
