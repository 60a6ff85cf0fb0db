#!/usr/bin/python3
"""Times ecCodes decoding one field, for comparison with our JMH numbers (same file, same field).

usage: eccodes_decode_time.py FILE FIELD [SECONDS]

Each iteration builds a handle from the message bytes already in memory and decodes all values
(codes_get_values), which is what our decode benchmark does with a mapped file. Prints the mean and
the best time per decode in milliseconds.
"""
import sys
import time

import eccodes


def main():
    path, number = sys.argv[1], int(sys.argv[2])
    budget = float(sys.argv[3]) if len(sys.argv) > 3 else 10.0
    eccodes.codes_grib_multi_support_on()
    with open(path, "rb") as f:
        n = 0
        while True:
            h = eccodes.codes_grib_new_from_file(f)
            if h is None:
                sys.exit("no field %d in %s" % (number, path))
            n += 1
            if n == number:
                message = eccodes.codes_get_message(h)
                eccodes.codes_release(h)
                break
            eccodes.codes_release(h)
    times = []
    deadline = time.perf_counter() + budget
    while time.perf_counter() < deadline or len(times) < 5:
        t0 = time.perf_counter()
        h = eccodes.codes_new_from_message(message)
        eccodes.codes_get_values(h)
        eccodes.codes_release(h)
        times.append(time.perf_counter() - t0)
    warm = times[len(times) // 5:]
    print("%s field %d: ecCodes mean %.3f ms, best %.3f ms over %d decodes" % (
        path.split("/")[-1], number, 1000 * sum(warm) / len(warm), 1000 * min(warm), len(warm)))


if __name__ == "__main__":
    main()
