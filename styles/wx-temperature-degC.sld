<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
                       xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                       xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>wx-temperature-degC</Name>
    <UserStyle>
      <Title>Temperature (degC) with isotherms every 4 degC</Title>
      <Abstract>2 m or isobaric temperature: NWS-like temperature palette from -40 to 40 degC, isotherms every 4 degC, labelled.</Abstract>
      <FeatureTypeStyle>
        <Transformation>
          <ogc:Function name="wx:ColorRamp">
            <ogc:Function name="parameter"><ogc:Literal>data</ogc:Literal></ogc:Function>
            <ogc:Function name="parameter"><ogc:Literal>palette</ogc:Literal><ogc:Literal>temperature</ogc:Literal></ogc:Function>
            <ogc:Function name="parameter"><ogc:Literal>units</ogc:Literal><ogc:Literal>degC</ogc:Literal></ogc:Function>
            <ogc:Function name="parameter"><ogc:Literal>min</ogc:Literal><ogc:Literal>-40</ogc:Literal></ogc:Function>
            <ogc:Function name="parameter"><ogc:Literal>max</ogc:Literal><ogc:Literal>40</ogc:Literal></ogc:Function>
            <ogc:Function name="parameter"><ogc:Literal>outputBBOX</ogc:Literal><ogc:Function name="env"><ogc:Literal>wms_bbox</ogc:Literal></ogc:Function></ogc:Function>
            <ogc:Function name="parameter"><ogc:Literal>outputWidth</ogc:Literal><ogc:Function name="env"><ogc:Literal>wms_width</ogc:Literal></ogc:Function></ogc:Function>
            <ogc:Function name="parameter"><ogc:Literal>outputHeight</ogc:Literal><ogc:Function name="env"><ogc:Literal>wms_height</ogc:Literal></ogc:Function></ogc:Function>
          </ogc:Function>
        </Transformation>
        <Rule>
          <RasterSymbolizer>
            <Opacity>1.0</Opacity>
          </RasterSymbolizer>
        </Rule>
      </FeatureTypeStyle>
      <FeatureTypeStyle>
        <Transformation>
          <ogc:Function name="wx:Isolines">
            <ogc:Function name="parameter"><ogc:Literal>data</ogc:Literal></ogc:Function>
            <ogc:Function name="parameter"><ogc:Literal>interval</ogc:Literal><ogc:Literal>4</ogc:Literal></ogc:Function>
            <ogc:Function name="parameter"><ogc:Literal>units</ogc:Literal><ogc:Literal>degC</ogc:Literal></ogc:Function>
            <ogc:Function name="parameter"><ogc:Literal>outputBBOX</ogc:Literal><ogc:Function name="env"><ogc:Literal>wms_bbox</ogc:Literal></ogc:Function></ogc:Function>
            <ogc:Function name="parameter"><ogc:Literal>outputWidth</ogc:Literal><ogc:Function name="env"><ogc:Literal>wms_width</ogc:Literal></ogc:Function></ogc:Function>
            <ogc:Function name="parameter"><ogc:Literal>outputHeight</ogc:Literal><ogc:Function name="env"><ogc:Literal>wms_height</ogc:Literal></ogc:Function></ogc:Function>
          </ogc:Function>
        </Transformation>
        <Rule>
          <RasterSymbolizer>
            <Opacity>1.0</Opacity>
          </RasterSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
