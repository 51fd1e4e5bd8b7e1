#include "chttp.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

// The few libcurl entry points used, and the option and info numbers of curl/curl.h: they
// are part of libcurl's stable ABI (soname libcurl.so.4), so no development headers are
// needed to build.
typedef void CURL;
struct curl_slist;
typedef CURL *(*easy_init_fn)(void);
typedef int (*easy_setopt_fn)(CURL *, int, ...);
typedef int (*easy_perform_fn)(CURL *);
typedef int (*easy_getinfo_fn)(CURL *, int, ...);
typedef void (*easy_cleanup_fn)(CURL *);
typedef struct curl_slist *(*slist_append_fn)(struct curl_slist *, const char *);
typedef void (*slist_free_fn)(struct curl_slist *);
typedef const char *(*easy_strerror_fn)(int);
typedef int (*global_init_fn)(long);

enum {
    OPT_WRITEDATA = 10001, OPT_URL = 10002, OPT_ERRORBUFFER = 10010, OPT_HTTPHEADER = 10023,
    OPT_HEADERDATA = 10029, OPT_WRITEFUNCTION = 20011, OPT_HEADERFUNCTION = 20079,
    OPT_SSL_VERIFYPEER = 64, OPT_SSL_VERIFYHOST = 81, OPT_NOSIGNAL = 99, OPT_HTTPGET = 80,
    OPT_TIMEOUT_MS = 155, OPT_CONNECTTIMEOUT_MS = 156, OPT_PROTOCOLS_STR = 10318,
    INFO_RESPONSE_CODE = 0x200002,
    E_OPERATION_TIMEDOUT = 28,
};

static struct {
    int loaded;
    char problem[256];
    easy_init_fn easy_init;
    easy_setopt_fn easy_setopt;
    easy_perform_fn easy_perform;
    easy_getinfo_fn easy_getinfo;
    easy_cleanup_fn easy_cleanup;
    slist_append_fn slist_append;
    slist_free_fn slist_free;
    easy_strerror_fn easy_strerror;
} curl;

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;

static void load_curl(void) {
    const char *names[] = {"libcurl.so.4", "libcurl-gnutls.so.4", "libcurl.so", "libcurl.4.dylib", NULL};
    void *lib = NULL;
    for (int i = 0; names[i] && !lib; i++) lib = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        snprintf(curl.problem, sizeof curl.problem,
                 "cannot load libcurl (libcurl.so.4), which importing from a server needs: install it (Debian: apt-get install libcurl4)");
        return;
    }
    global_init_fn global_init = (global_init_fn)dlsym(lib, "curl_global_init");
    curl.easy_init = (easy_init_fn)dlsym(lib, "curl_easy_init");
    curl.easy_setopt = (easy_setopt_fn)dlsym(lib, "curl_easy_setopt");
    curl.easy_perform = (easy_perform_fn)dlsym(lib, "curl_easy_perform");
    curl.easy_getinfo = (easy_getinfo_fn)dlsym(lib, "curl_easy_getinfo");
    curl.easy_cleanup = (easy_cleanup_fn)dlsym(lib, "curl_easy_cleanup");
    curl.slist_append = (slist_append_fn)dlsym(lib, "curl_slist_append");
    curl.slist_free = (slist_free_fn)dlsym(lib, "curl_slist_free_all");
    curl.easy_strerror = (easy_strerror_fn)dlsym(lib, "curl_easy_strerror");
    if (!global_init || !curl.easy_init || !curl.easy_setopt || !curl.easy_perform || !curl.easy_getinfo
        || !curl.easy_cleanup || !curl.slist_append || !curl.slist_free || !curl.easy_strerror) {
        snprintf(curl.problem, sizeof curl.problem, "the libcurl found lacks functions topolint needs");
        return;
    }
    global_init(3);   // CURL_GLOBAL_ALL
    curl.loaded = 1;
}

typedef struct {
    unsigned char *data;
    size_t length, capacity;
    int overflow;
} buffer;

// Answers past this size are refused: no REST page of a source of truth comes near it.
#define MAX_BODY ((size_t)1 << 30)

static size_t on_body(char *data, size_t size, size_t count, void *context) {
    buffer *b = context;
    size_t n = size * count;
    if (b->length + n > MAX_BODY) { b->overflow = 1; return 0; }
    if (b->length + n > b->capacity) {
        size_t capacity = b->capacity ? b->capacity : 65536;
        while (capacity < b->length + n) capacity *= 2;
        unsigned char *grown = realloc(b->data, capacity);
        if (!grown) { b->overflow = 1; return 0; }
        b->data = grown;
        b->capacity = capacity;
    }
    memcpy(b->data + b->length, data, n);
    b->length += n;
    return n;
}

// Keeps the last Content-Type header (after redirects or 100 Continue, the final one).
static size_t on_header(char *data, size_t size, size_t count, void *context) {
    char **content_type = context;
    size_t n = size * count;
    const char *name = "content-type:";
    size_t name_length = strlen(name);
    if (n > name_length && strncasecmp(data, name, name_length) == 0) {
        size_t start = name_length, end = n;
        while (start < end && (data[start] == ' ' || data[start] == '\t')) start++;
        while (end > start && (data[end - 1] == '\r' || data[end - 1] == '\n' || data[end - 1] == ' ')) end--;
        char *value = malloc(end - start + 1);
        if (value) {
            memcpy(value, data + start, end - start);
            value[end - start] = 0;
            free(*content_type);
            *content_type = value;
        }
    }
    return n;
}

int chttp_get(const char *url, const char *const *headers, int header_count,
              long timeout_ms, int verify_tls, chttp_response *out) {
    memset(out, 0, sizeof *out);
    pthread_once(&curl_once, load_curl);
    if (!curl.loaded) {
        out->error_kind = 4;
        snprintf(out->error, sizeof out->error, "%s", curl.problem);
        return -1;
    }
    CURL *handle = curl.easy_init();
    if (!handle) {
        out->error_kind = 3;
        snprintf(out->error, sizeof out->error, "libcurl could not start a transfer");
        return -1;
    }
    struct curl_slist *list = NULL;
    for (int i = 0; i < header_count; i++) list = curl.slist_append(list, headers[i]);
    buffer body = {0};
    char errors[256] = {0};
    curl.easy_setopt(handle, OPT_URL, url);
    curl.easy_setopt(handle, OPT_HTTPGET, 1L);
    curl.easy_setopt(handle, OPT_PROTOCOLS_STR, "http,https");
    curl.easy_setopt(handle, OPT_HTTPHEADER, list);
    curl.easy_setopt(handle, OPT_WRITEFUNCTION, on_body);
    curl.easy_setopt(handle, OPT_WRITEDATA, &body);
    curl.easy_setopt(handle, OPT_HEADERFUNCTION, on_header);
    curl.easy_setopt(handle, OPT_HEADERDATA, &out->content_type);
    curl.easy_setopt(handle, OPT_ERRORBUFFER, errors);
    curl.easy_setopt(handle, OPT_NOSIGNAL, 1L);
    curl.easy_setopt(handle, OPT_TIMEOUT_MS, timeout_ms);
    curl.easy_setopt(handle, OPT_CONNECTTIMEOUT_MS, timeout_ms);
    curl.easy_setopt(handle, OPT_SSL_VERIFYPEER, verify_tls ? 1L : 0L);
    curl.easy_setopt(handle, OPT_SSL_VERIFYHOST, verify_tls ? 2L : 0L);
    int code = curl.easy_perform(handle);
    long status = 0;
    curl.easy_getinfo(handle, INFO_RESPONSE_CODE, &status);
    curl.easy_cleanup(handle);
    curl.slist_free(list);
    out->body = body.data;
    out->body_length = body.length;
    if (code != 0) {
        const char *detail = errors[0] ? errors : curl.easy_strerror(code);
        if (body.overflow) detail = "the answer is over 1 GiB";
        snprintf(out->error, sizeof out->error, "%s", detail);
        // Timeouts, then every TLS failure of curl's list (35 connect, 51/60 peer
        // verification, 53/54 engine, 58/59 certificate or cipher, 64 use-ssl, 66 engine
        // init, 77 CA file, 80 shutdown, 82/83 CRL and issuer, 90/91 pinned key and status).
        switch (code) {
        case E_OPERATION_TIMEDOUT: out->error_kind = 1; break;
        case 35: case 51: case 53: case 54: case 58: case 59: case 60: case 64: case 66:
        case 77: case 80: case 82: case 83: case 90: case 91: out->error_kind = 2; break;
        default: out->error_kind = 3; break;
        }
        return -1;
    }
    out->status = status;
    return 0;
}

void chttp_free(chttp_response *response) {
    free(response->body);
    free(response->content_type);
    response->body = NULL;
    response->content_type = NULL;
}
