package org.gsweather.ingest.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The HTTP range requests that fetch a set of whole GRIB2 messages: the messages' byte ranges sorted,
 * adjacent ones joined into one segment, and segments closer than a gap fetched by one request whose
 * gap bytes are read and dropped. Writing every request's segments in order gives a GRIB2 file of just
 * those messages.
 *
 * @param requests in file order
 */
public record ByteRangePlan(List<Request> requests) {
    /** Bytes {@code start..end} inclusive of the remote file; {@code end} -1 runs to the end of the file. */
    public record Segment(long start, long end) {
        public boolean openEnded() {
            return end < 0;
        }

        public long length() {
            return openEnded() ? -1 : end - start + 1;
        }
    }

    /** One range request, {@code bytes=start-end} (or {@code bytes=start-} when open ended). */
    public record Request(long start, long end, List<Segment> keep) {
        public Request {
            keep = List.copyOf(keep);
        }

        public String rangeHeader() {
            return "bytes=" + start + "-" + (end < 0 ? "" : Long.toString(end));
        }
    }

    public ByteRangePlan {
        requests = List.copyOf(requests);
    }

    /**
     * Plans the download of the messages holding the selected inventory entries.
     *
     * @param selected indexes into {@code inventory.entries()}
     * @param maxGap largest run of unwanted bytes between two messages that one request reads through
     *     rather than splitting it in two
     */
    public static ByteRangePlan of(Inventory inventory, List<Integer> selected, long maxGap) {
        TreeMap<Long, Long> messages = new TreeMap<>();
        for (int index : selected) {
            messages.put(inventory.entries().get(index).offset(), inventory.endOf(index));
        }
        List<Segment> segments = new ArrayList<>();
        for (var e : messages.entrySet()) {
            long start = e.getKey();
            long end = e.getValue();
            if (!segments.isEmpty()) {
                Segment last = segments.get(segments.size() - 1);
                if (!last.openEnded() && last.end() + 1 == start) {
                    segments.set(segments.size() - 1, new Segment(last.start(), end));
                    continue;
                }
            }
            segments.add(new Segment(start, end));
        }
        List<Request> requests = new ArrayList<>();
        List<Segment> group = new ArrayList<>();
        for (Segment s : segments) {
            if (!group.isEmpty()) {
                Segment last = group.get(group.size() - 1);
                if (s.start() - last.end() - 1 > maxGap) {
                    requests.add(request(group));
                    group = new ArrayList<>();
                }
            }
            group.add(s);
        }
        if (!group.isEmpty()) {
            requests.add(request(group));
        }
        return new ByteRangePlan(requests);
    }

    private static Request request(List<Segment> group) {
        return new Request(group.get(0).start(), group.get(group.size() - 1).end(), group);
    }

    /** A plan for a whole file. */
    public static ByteRangePlan whole() {
        Segment all = new Segment(0, -1);
        return new ByteRangePlan(List.of(new Request(0, -1, List.of(all))));
    }

    /** Bytes written when the plan is done, or -1 when the last segment runs to the end of the file. */
    public long keptBytes() {
        long total = 0;
        for (Request r : requests) {
            for (Segment s : r.keep()) {
                if (s.openEnded()) {
                    return -1;
                }
                total += s.length();
            }
        }
        return total;
    }

    /** Bytes requested (kept bytes and the gaps read through), or -1 when open ended. */
    public long requestedBytes() {
        long total = 0;
        for (Request r : requests) {
            if (r.end() < 0) {
                return -1;
            }
            total += r.end() - r.start() + 1;
        }
        return total;
    }
}
