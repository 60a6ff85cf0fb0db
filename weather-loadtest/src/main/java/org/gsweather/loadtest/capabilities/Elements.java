package org.gsweather.loadtest.capabilities;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** Reading a capabilities document with the JDK's DOM parser, by local element names. */
final class Elements {
    private Elements() {}

    static Document parse(InputStream in, String source) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setExpandEntityReferences(false);
            f.setXIncludeAware(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(in);
        } catch (SAXException e) {
            throw new CapabilitiesException(source + ": not an XML document: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CapabilitiesException(source + ": cannot read: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    /** The trimmed text of a child element, or null when there is no such child. */
    static String text(Element parent, String localName) {
        Element c = child(parent, localName);
        return c == null ? null : c.getTextContent().trim();
    }

    /** The first element with this local name anywhere below (depth first), or null. */
    static Element descendant(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                if (localName.equals(e.getLocalName())) {
                    return e;
                }
                Element d = descendant(e, localName);
                if (d != null) {
                    return d;
                }
            }
        }
        return null;
    }

    /** A child element along a path of local names, or null. */
    static Element path(Element parent, String... localNames) {
        Element e = parent;
        for (String name : localNames) {
            e = child(e, name);
            if (e == null) {
                return null;
            }
        }
        return e;
    }

    static double number(String text, String what, String source) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new CapabilitiesException(source + ": " + what + " is not a number: '" + text + "'");
        }
    }
}
