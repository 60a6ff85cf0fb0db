package org.gsweather.ingest.http;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.gsweather.field.DataFormatException;

/**
 * Lists the keys of a public S3 bucket under a prefix with ListObjectsV2 ({@code GET
 * /?list-type=2&prefix=...}), following {@code NextContinuationToken} across pages. The bucket URL may be
 * virtual-hosted ({@code https://noaa-goes16.s3.amazonaws.com}) or path-style ({@code http://host/bucket}).
 */
public final class S3Listing {
    /** One key of a listing. */
    public record S3Object(String key, long size, Instant lastModified, String etag) {
        /** The last path element of the key. */
        public String name() {
            return key.substring(key.lastIndexOf('/') + 1);
        }
    }

    private final Fetcher fetcher;

    public S3Listing(Fetcher fetcher) {
        this.fetcher = fetcher;
    }

    /**
     * All keys under {@code prefix}, in key order.
     *
     * @param startAfter list only keys after this one (S3's {@code start-after}), null for all
     * @throws DataFormatException when a page is not a ListObjectsV2 result
     */
    public List<S3Object> list(URI bucket, String prefix, String startAfter, TransferListener listener)
            throws IOException, InterruptedException {
        List<S3Object> objects = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            StringBuilder query = new StringBuilder("?list-type=2&prefix=").append(encode(prefix));
            if (token != null) {
                query.append("&continuation-token=").append(encode(token));
            } else if (startAfter != null) {
                query.append("&start-after=").append(encode(startAfter));
            }
            String base = bucket.toString();
            URI page = URI.create(base + (base.endsWith("/") ? "" : "/") + query);
            Optional<String> xml = fetcher.text(page, listener);
            if (xml.isEmpty()) {
                throw new IOException(page + ": HTTP 404: no such bucket");
            }
            token = parse(xml.get(), page, objects);
            if (++pages > 10_000) {
                throw new IOException(page + ": more than 10000 listing pages; the continuation tokens loop");
            }
        } while (token != null);
        return objects;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Adds the page's objects; returns the continuation token of the next page, null on the last. */
    static String parse(String xml, URI page, List<S3Object> out) throws DataFormatException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        boolean truncated = false;
        String next = null;
        String root = null;
        try {
            XMLStreamReader r = factory.createXMLStreamReader(new StringReader(xml));
            String key = null;
            long size = -1;
            Instant modified = null;
            String etag = null;
            int depth = 0;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    String name = r.getLocalName();
                    if (depth == 1) {
                        root = name;
                    } else if (depth == 2 && name.equals("IsTruncated")) {
                        truncated = Boolean.parseBoolean(r.getElementText().trim());
                        depth--;
                    } else if (depth == 2 && name.equals("NextContinuationToken")) {
                        next = r.getElementText().trim();
                        depth--;
                    } else if (depth == 2 && name.equals("Contents")) {
                        key = null;
                        size = -1;
                        modified = null;
                        etag = null;
                    } else if (depth == 3) {
                        String text = r.getElementText().trim();
                        depth--;
                        switch (name) {
                            case "Key" -> key = text;
                            case "Size" -> size = Long.parseLong(text);
                            case "LastModified" -> modified = Instant.parse(text);
                            case "ETag" -> etag = text;
                            default -> {}
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (depth == 2 && r.getLocalName().equals("Contents")) {
                        if (key == null || size < 0) {
                            throw new DataFormatException(page + ": a <Contents> without <Key> or <Size>");
                        }
                        out.add(new S3Object(key, size, modified, etag));
                    }
                    depth--;
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            throw new DataFormatException(page + ": not a ListObjectsV2 result: " + e.getMessage(), e);
        }
        if (!"ListBucketResult".equals(root)) {
            throw new DataFormatException(page + ": not a ListObjectsV2 result (root element " + root + ")");
        }
        if (truncated && (next == null || next.isEmpty())) {
            throw new DataFormatException(page + ": truncated listing without NextContinuationToken");
        }
        return truncated ? next : null;
    }
}
