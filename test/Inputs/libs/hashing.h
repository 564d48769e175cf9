// Declarations shaped like <crypt.h>, <openssl/evp.h>, libbcrypt and
// <netdb.h>: CPU-heavy password hashing and blocking name resolution.
#pragma once
extern "C" {
struct crypt_data;
char *crypt(const char *key, const char *salt);
char *crypt_r(const char *key, const char *salt, crypt_data *data);
int bcrypt_hashpw(const char *passwd, const char salt[64], char hash[64]);
int PKCS5_PBKDF2_HMAC(const char *pass, int passlen, const unsigned char *salt,
                      int saltlen, int iter, const void *digest, int keylen,
                      unsigned char *out);
struct sockaddr;
int getnameinfo(const sockaddr *, unsigned, char *, unsigned, char *, unsigned, int);
}
