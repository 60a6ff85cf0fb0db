package org.gsweather.geoserver.wx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.Map;
import org.geoserver.wms.GetMapRequest;
import org.geoserver.wms.WMSMapContent;
import org.geotools.api.parameter.GeneralParameterValue;
import org.geotools.api.style.Style;
import org.geotools.factory.CommonFactoryFinder;
import org.geotools.filter.function.EnvFunction;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.geotools.map.GridReaderLayer;
import org.geotools.referencing.CRS;
import org.geotools.xml.styling.SLDParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which maps the render core draws alone: only those GeoServer's renderer would draw exactly as it does. */
class WxMapOutputFormatTest {
    private static final String RAMP = transformation(
            "ColorRamp",
            "<ogc:Function name=\"parameter\">"
                    + "<ogc:Literal>palette</ogc:Literal><ogc:Literal>temperature</ogc:Literal></ogc:Function>");
    private static final String ISOLINES = transformation(
            "Isolines",
            "<ogc:Function name=\"parameter\">"
                    + "<ogc:Literal>interval</ogc:Literal><ogc:Literal>4</ogc:Literal></ogc:Function>");
    private static final String PLAIN = "<RasterSymbolizer><Opacity>1.0</Opacity></RasterSymbolizer>";

    private ReferencedEnvelope bbox;

    @BeforeEach
    void mapVariables() throws Exception {
        bbox = new ReferencedEnvelope(-1e7, -9e6, 3e6, 4e6, CRS.decode("EPSG:3857"));
        EnvFunction.setLocalValues(Map.of("wms_bbox", bbox, "wms_width", 512, "wms_height", 512));
    }

    @AfterEach
    void clearVariables() {
        EnvFunction.clearLocalValues();
    }

    @Test
    void oneTransformationWithAPlainSymbolizerIsDrawnByTheCore() {
        WxMapOutputFormat.Direct direct = WxMapOutputFormat.direct(map(sld(fts(RAMP, PLAIN))), false);
        assertThat(direct).isNotNull();
        assertThat(direct.transformations())
                .extracting(t -> t.inputs().style())
                .containsExactly("ramp:palette=temperature");
        assertThat(WxMapOutputFormat.direct(map(sld(fts(ISOLINES, "<RasterSymbolizer/>"))), false))
                .isNotNull();
    }

    @Test
    void severalTransformationsAreDrawnInOrderOnOneCanvas() {
        WxMapOutputFormat.Direct direct =
                WxMapOutputFormat.direct(map(sld(fts(RAMP, PLAIN) + fts(ISOLINES, PLAIN))), false);
        assertThat(direct).isNotNull();
        assertThat(direct.transformations())
                .extracting(t -> t.inputs().style())
                .containsExactly("ramp:palette=temperature", "isolines:interval=4");
    }

    @Test
    void opaqueMapsAreDrawnByTheCore() {
        WMSMapContent opaque = map(sld(fts(RAMP, PLAIN) + fts(ISOLINES, PLAIN)));
        opaque.setTransparent(false);
        assertThat(WxMapOutputFormat.direct(opaque, false)).isNotNull();
    }

    @Test
    void anythingGeoServerWouldDrawDifferentlyGoesToItsRenderer() {
        WMSMapContent options = map(sld(fts(RAMP, PLAIN)));
        options.getRequest().setFormatOptions(Map.of("antialias", "full"));
        WMSMapContent rotated = map(sld(fts(RAMP, PLAIN)));
        rotated.setAngle(30);
        WMSMapContent otherSize = map(sld(fts(RAMP, PLAIN)));
        otherSize.setMapWidth(256);
        for (WMSMapContent content : new WMSMapContent[] {
            options,
            rotated,
            otherSize,
            map(sld(fts(RAMP, PLAIN) + fts("", PLAIN))),
            map(sld(fts(RAMP, PLAIN) + fts(ISOLINES, "<RasterSymbolizer><Opacity>0.5</Opacity></RasterSymbolizer>"))),
            map(sld(fts(RAMP, "<RasterSymbolizer><Opacity>0.5</Opacity></RasterSymbolizer>"))),
            map(sld(fts(
                    RAMP,
                    "<RasterSymbolizer><ColorMap><ColorMapEntry color=\"#ff0000\" quantity=\"1\"/>"
                            + "</ColorMap></RasterSymbolizer>"))),
            map(sld(fts(RAMP, "<MaxScaleDenominator>1e6</MaxScaleDenominator>" + PLAIN))),
            map(sld(fts(RAMP, PLAIN + "<LineSymbolizer/>"))),
            map(sld(fts("", PLAIN)))
        }) {
            assertThat(WxMapOutputFormat.direct(content, false)).isNull();
        }
        assertThat(WxMapOutputFormat.direct(map(sld(fts(RAMP, PLAIN))), true))
                .as("a watermark")
                .isNull();
    }

    private WMSMapContent map(Style style) {
        GetMapRequest request = new GetMapRequest();
        WMSMapContent content = new WMSMapContent(request);
        content.getViewport().setBounds(bbox);
        content.setMapWidth(512);
        content.setMapHeight(512);
        content.setTransparent(true);
        content.addLayer(new GridReaderLayer(null, style, new GeneralParameterValue[0]));
        return content;
    }

    private static String transformation(String name, String parameter) {
        String env = "<ogc:Function name=\"parameter\"><ogc:Literal>%s</ogc:Literal><ogc:Function name=\"env\">"
                + "<ogc:Literal>%s</ogc:Literal></ogc:Function></ogc:Function>";
        return "<Transformation><ogc:Function name=\"wx:" + name + "\">"
                + "<ogc:Function name=\"parameter\"><ogc:Literal>data</ogc:Literal></ogc:Function>" + parameter
                + env.formatted("outputBBOX", "wms_bbox") + env.formatted("outputWidth", "wms_width")
                + env.formatted("outputHeight", "wms_height") + "</ogc:Function></Transformation>";
    }

    private static String fts(String transformation, String rule) {
        return "<FeatureTypeStyle>" + transformation + "<Rule>" + rule + "</Rule></FeatureTypeStyle>";
    }

    private static Style sld(String featureTypeStyles) {
        String xml = "<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\""
                + " xmlns:ogc=\"http://www.opengis.net/ogc\"><NamedLayer><Name>t</Name><UserStyle>"
                + featureTypeStyles + "</UserStyle></NamedLayer></StyledLayerDescriptor>";
        Style[] styles = new SLDParser(CommonFactoryFinder.getStyleFactory(), new StringReader(xml)).readXML();
        return styles[0];
    }
}
