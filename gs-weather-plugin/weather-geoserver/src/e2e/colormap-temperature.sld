<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
                       xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <!-- A stock GeoServer raster style (no wx: transformation): temperature in K in 4 K classes -->
  <NamedLayer>
    <Name>temperature</Name>
    <UserStyle>
      <Title>Temperature classes (K)</Title>
      <FeatureTypeStyle>
        <Rule>
          <RasterSymbolizer>
            <ColorMap type="intervals">
              <ColorMapEntry color="#2c0a5e" quantity="220"/>
              <ColorMapEntry color="#3b1f8f" quantity="224"/>
              <ColorMapEntry color="#2f4fb5" quantity="228"/>
              <ColorMapEntry color="#2673c9" quantity="232"/>
              <ColorMapEntry color="#2d97cf" quantity="236"/>
              <ColorMapEntry color="#3fb8c8" quantity="240"/>
              <ColorMapEntry color="#5ccfb0" quantity="244"/>
              <ColorMapEntry color="#84dc8d" quantity="248"/>
              <ColorMapEntry color="#b0e36c" quantity="252"/>
              <ColorMapEntry color="#d8e552" quantity="256"/>
              <ColorMapEntry color="#f5d846" quantity="260"/>
              <ColorMapEntry color="#fbb33d" quantity="264"/>
              <ColorMapEntry color="#f78b35" quantity="268"/>
              <ColorMapEntry color="#ea612d" quantity="272"/>
              <ColorMapEntry color="#d73a26" quantity="276"/>
              <ColorMapEntry color="#b81e24" quantity="280"/>
              <ColorMapEntry color="#931028" quantity="284"/>
              <ColorMapEntry color="#6e0a2b" quantity="290"/>
              <ColorMapEntry color="#4a0629" quantity="300"/>
              <ColorMapEntry color="#2a0320" quantity="320"/>
            </ColorMap>
          </RasterSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
