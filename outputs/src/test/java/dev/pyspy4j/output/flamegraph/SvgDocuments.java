// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.flamegraph;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** Parses written SVG with the JDK's XML parser, which fails on anything not well-formed, and reads its frames. */
final class SvgDocuments {
    private SvgDocuments() {
    }

    static Document parse(byte[] svg) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(svg));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        } catch (SAXException e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** The {@code <g>} elements of the frames group, in document order. */
    static List<Element> frames(Document svg) {
        Element group = svg.getElementById("frames");
        if (group == null) {
            group = byId(svg, "frames");
        }
        List<Element> frames = new ArrayList<>();
        NodeList children = group.getElementsByTagName("g");
        for (int i = 0; i < children.getLength(); i++) {
            frames.add((Element) children.item(i));
        }
        return frames;
    }

    /** The element with attribute {@code id} (DOM's getElementById needs a DTD to know which attribute is an id). */
    static Element byId(Document svg, String id) {
        NodeList all = svg.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (id.equals(element.getAttribute("id"))) {
                return element;
            }
        }
        throw new AssertionError("no element with id '" + id + "'");
    }

    static String child(Element frame, String tag) {
        return frame.getElementsByTagName(tag).item(0).getTextContent();
    }

    static double attribute(Element frame, String tag, String attribute) {
        return Double.parseDouble(((Element) frame.getElementsByTagName(tag).item(0)).getAttribute(attribute));
    }
}
