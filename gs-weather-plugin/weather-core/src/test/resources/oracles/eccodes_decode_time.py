#!/usr/bin/python3
"""Times ecCodes decoding one field, for comparison with our JMH numbers (same file, same field).

usage: eccodes_decode_time.py FILE FIELD [SECONDS]

Each iteration builds a handle from the message bytes already in memory and decodes all values
(codes_get_values), which is what our decode benchmark does with a mapped file. Prints the best and
median wall-clock and thread CPU time per decode in milliseconds (compare the CPU figures with
DecodeCpuTime's on a busy machine).
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
    cpu = []
    deadline = time.perf_counter() + budget
    while time.perf_counter() < deadline or len(times) < 5:
        t0 = time.perf_counter()
        c0 = time.thread_time()
        h = eccodes.codes_new_from_message(message)
        eccodes.codes_get_values(h)
        eccodes.codes_release(h)
        cpu.append(time.thread_time() - c0)
        times.append(time.perf_counter() - t0)
    warm = sorted(times[len(times) // 5:])
    warm_cpu = sorted(cpu[len(cpu) // 5:])
    print("%s field %d: ecCodes wall best %.2f ms median %.2f ms; CPU best %.2f ms median %.2f ms; %d decodes" % (
        path.split("/")[-1], number, 1000 * warm[0], 1000 * warm[len(warm) // 2], 1000 * warm_cpu[0],
        1000 * warm_cpu[len(warm_cpu) // 2], len(warm)))


if __name__ == "__main__":
    main()
