/*
 * ecCodes' side of bin/bench-decode: decodes GRIB2 messages held in memory with libeccodes, as a
 * GRIB2 reader built on ecCodes does, and reports wall-clock and thread CPU time per decode.
 *
 * usage: eccodes_decode FILE:FIELD...   (FIELD counted from 1, each field of a multi-field message
 *                                        counting as one, as grib_ls counts)
 * Then one command per line on standard input:
 *   N K   decode field N (0-based in the argument list) K times; prints one line
 *         "wall_ns cpu_ns wall_ns cpu_ns ..." with K pairs
 *   Q     quit
 * A decode is codes_handle_new_from_message + codes_get_double_array + codes_handle_delete.
 * At start it prints "ecCodes VERSION" and, per field, "N values".
 */
#include <eccodes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
    void *message;
    size_t length;
    double *values;
    size_t count;
} field_t;

static long long nanos(clockid_t clock) {
    struct timespec t;
    clock_gettime(clock, &t);
    return (long long) t.tv_sec * 1000000000LL + t.tv_nsec;
}

static void load(const char *spec, field_t *f) {
    char path[4096];
    const char *colon = strrchr(spec, ':');
    if (colon == NULL || (size_t) (colon - spec) >= sizeof path) {
        fprintf(stderr, "eccodes_decode: expected FILE:FIELD, got %s\n", spec);
        exit(2);
    }
    memcpy(path, spec, colon - spec);
    path[colon - spec] = 0;
    long wanted = atol(colon + 1);
    FILE *in = fopen(path, "rb");
    if (in == NULL) {
        perror(path);
        exit(2);
    }
    codes_grib_multi_support_on(NULL);
    int err = 0;
    codes_handle *h;
    for (long n = 1; (h = codes_handle_new_from_file(NULL, in, PRODUCT_GRIB, &err)) != NULL; n++) {
        if (n == wanted) {
            const void *bytes;
            size_t length;
            codes_get_message(h, &bytes, &length);
            f->message = malloc(length);
            memcpy(f->message, bytes, length);
            f->length = length;
            codes_get_size(h, "values", &f->count);
            f->values = malloc(f->count * sizeof(double));
            codes_handle_delete(h);
            fclose(in);
            return;
        }
        codes_handle_delete(h);
    }
    fprintf(stderr, "eccodes_decode: %s has no field %ld\n", path, wanted);
    exit(2);
}

static void decode(field_t *f) {
    codes_handle *h = codes_handle_new_from_message(NULL, f->message, f->length);
    if (h == NULL) {
        fprintf(stderr, "eccodes_decode: cannot read the message\n");
        exit(3);
    }
    size_t n = f->count;
    int err = codes_get_double_array(h, "values", f->values, &n);
    if (err != 0 || n != f->count) {
        fprintf(stderr, "eccodes_decode: %s\n", codes_get_error_message(err));
        exit(3);
    }
    codes_handle_delete(h);
}

int main(int argc, char **argv) {
    int fields = argc - 1;
    field_t *f = calloc(fields > 0 ? fields : 1, sizeof(field_t));
    for (int i = 0; i < fields; i++) {
        load(argv[i + 1], &f[i]);
    }
    printf("ecCodes %s\n", ECCODES_VERSION_STR);
    for (int i = 0; i < fields; i++) {
        printf("%zu values\n", f[i].count);
    }
    fflush(stdout);
    char line[256];
    while (fgets(line, sizeof line, stdin) != NULL) {
        int index;
        long times;
        if (line[0] == 'Q') {
            break;
        }
        if (sscanf(line, "%d %ld", &index, &times) != 2 || index < 0 || index >= fields || times < 1) {
            fprintf(stderr, "eccodes_decode: bad command %s", line);
            return 2;
        }
        for (long k = 0; k < times; k++) {
            long long w0 = nanos(CLOCK_MONOTONIC);
            long long c0 = nanos(CLOCK_THREAD_CPUTIME_ID);
            decode(&f[index]);
            long long c1 = nanos(CLOCK_THREAD_CPUTIME_ID);
            long long w1 = nanos(CLOCK_MONOTONIC);
            printf(k == 0 ? "%lld %lld" : " %lld %lld", w1 - w0, c1 - c0);
        }
        printf("\n");
        fflush(stdout);
    }
    return 0;
}
