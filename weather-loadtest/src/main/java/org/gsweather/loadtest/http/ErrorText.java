package org.gsweather.loadtest.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The message of an OGC exception document (WMS ServiceException, OWS ExceptionText), or the start of the body. */
final class ErrorText {
    private static final Pattern OGC =
            Pattern.compile("<(?:\\w+:)?(?:ServiceException|ExceptionText)\\b[^>]*>\\s*(.*?)\\s*</", Pattern.DOTALL);

    private ErrorText() {}

    static String of(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        Matcher m = OGC.matcher(body);
        String s = m.find() ? m.group(1) : body.replaceAll("<[^>]*>", " ");
        s = s.replaceAll("\\s+", " ").trim();
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
