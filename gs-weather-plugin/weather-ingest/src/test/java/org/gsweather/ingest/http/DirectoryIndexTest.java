package org.gsweather.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.gsweather.field.DataFormatException;
import org.junit.jupiter.api.Test;

class DirectoryIndexTest {
    private static final URI DIR = URI.create("https://mrms.ncep.noaa.gov/data/2D/MergedReflectivityQCComposite/");

    @Test
    void anApacheIndexGivesTheFilesOfTheDirectoryOnly() throws Exception {
        String html = """
                <!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">
                <html>
                 <head>
                  <title>Index of /data/2D/MergedReflectivityQCComposite</title>
                 </head>
                 <body>
                <h1>Index of /data/2D/MergedReflectivityQCComposite</h1>
                  <table>
                   <tr><th valign="top"><img src="/icons/blank.gif" alt="[ICO]"></th><th><a href="?C=N;O=D">Name</a></th><th><a href="?C=M;O=A">Last modified</a></th></tr>
                <tr><td valign="top"><img src="/icons/back.gif" alt="[PARENTDIR]"></td><td><a href="/data/2D/">Parent Directory</a></td></tr>
                <tr><td><a href="MRMS_MergedReflectivityQCComposite_00.50_20241205-043639.grib2.gz">MRMS_MergedReflectivityQCComposite_00.50_20241205-043639.grib2.gz</a></td><td align="right">2024-12-05 04:37  </td><td align="right">583K</td></tr>
                <tr><td><A HREF='MRMS_MergedReflectivityQCComposite_00.50_20241205-043839.grib2.gz'>MRMS_...</A></td></tr>
                <tr><td><a href="MRMS_MergedReflectivityQCComposite.latest.grib2.gz">latest</a></td></tr>
                <tr><td><a href="older/">older/</a></td></tr>
                <tr><td><a href="https://www.weather.gov/disclaimer">Disclaimer</a></td></tr>
                <tr><td><a href="https://mrms.ncep.noaa.gov/data/2D/MergedReflectivityQCComposite/a%20b.grib2">a b</a></td></tr>
                </table></body></html>
                """;
        assertThat(DirectoryIndex.parse(html, DIR))
                .containsExactly(
                        "MRMS_MergedReflectivityQCComposite.latest.grib2.gz",
                        "MRMS_MergedReflectivityQCComposite_00.50_20241205-043639.grib2.gz",
                        "MRMS_MergedReflectivityQCComposite_00.50_20241205-043839.grib2.gz",
                        "a b.grib2");
    }

    @Test
    void anNginxIndexInPreformattedTextIsReadToo() throws Exception {
        String html = """
                <html>
                <head><title>Index of /mirror/mrms/</title></head>
                <body>
                <h1>Index of /mirror/mrms/</h1><hr><pre><a href="../">../</a>
                <a href="MRMS_X_00.50_20241205-000039.grib2.gz">MRMS_X_00.50_20241205-000039.grib2.gz</a>     05-Dec-2024 00:01    432190
                </pre><hr></body>
                </html>
                """;
        assertThat(DirectoryIndex.parse(html, URI.create("http://mirror.local/mirror/mrms/")))
                .containsExactly("MRMS_X_00.50_20241205-000039.grib2.gz");
    }

    @Test
    void aPageThatIsNotHtmlIsAnErrorNamingTheUrl() {
        assertThatThrownBy(() -> DirectoryIndex.parse("<?xml version=\"1.0\"?><ListBucketResult/>", DIR))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(DIR + ": not an HTML directory index");
    }
}
