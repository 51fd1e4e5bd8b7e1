// One blocking HTTP GET through the system's libcurl, loaded when first needed (dlopen), so
// that commands which never reach a server carry no HTTP or TLS library at all.
#ifndef TOPOLINT_CHTTP_H
#define TOPOLINT_CHTTP_H

#include <stddef.h>

typedef struct {
    long status;              // HTTP status, 0 when no answer came
    unsigned char *body;      // malloc'd, body_length bytes
    size_t body_length;
    char *content_type;       // malloc'd, or NULL
    int error_kind;           // 0 ok, 1 timeout, 2 TLS, 3 other transfer error, 4 libcurl missing
    char error[512];          // what went wrong, when error_kind != 0
} chttp_response;

// GETs `url` with the given header lines ("Name: value"), waiting at most `timeout_ms` for
// the whole exchange; `verify_tls` 0 skips certificate and host name checks. Returns 0 when
// an HTTP answer (any status) arrived, otherwise error_kind says why.
int chttp_get(const char *url, const char *const *headers, int header_count,
              long timeout_ms, int verify_tls, chttp_response *out);

void chttp_free(chttp_response *response);

#endif
