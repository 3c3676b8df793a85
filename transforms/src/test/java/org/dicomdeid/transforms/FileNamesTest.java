package org.dicomdeid.transforms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The report's form of a path is text anyone can read and turns back into the exact bytes. */
class FileNamesTest {

  @Test
  void utf8TextStaysAsItIsAndEverythingElseIsPercentEncoded() {
    assertEquals(
        "/data/홍길동_KU1_20220505/a b.dcm",
        FileNames.display("/data/홍길동_KU1_20220505/a b.dcm".getBytes(StandardCharsets.UTF_8)));
    byte[] cp949 = {(byte) 0xC8, (byte) 0xAB, (byte) 0xB1, (byte) 0xE6, (byte) 0xB5, (byte) 0xBF};
    assertEquals(
        "\u022B%B1\u6D7F",
        FileNames.display(cp949),
        "CP949 bytes that happen to be valid UTF-8 decode, the rest is %XX");
    assertEquals("caf%E9", FileNames.display("caf\u00e9".getBytes(StandardCharsets.ISO_8859_1)));
    assertEquals(
        "a%0Ab%0Dc%25d%7F%01,\"*?[]{}",
        FileNames.display("a\nb\rc%d\u007f\u0001,\"*?[]{}".getBytes(StandardCharsets.ISO_8859_1)));
    assertEquals(
        "%C2%85",
        FileNames.display("\u0085".getBytes(StandardCharsets.UTF_8)), "C1 controls are encoded");
    assertEquals(
        "%ED%A0%80%C0%80",
        FileNames.display(
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) 0xC0, (byte) 0x80}),
        "surrogates and overlong forms are not UTF-8");
  }

  @Test
  void anyByteStringRoundTrips() {
    Random random = new Random(14);
    for (int i = 0; i < 20_000; i++) {
      byte[] name = new byte[random.nextInt(40)];
      random.nextBytes(name);
      String shown = FileNames.display(name);
      assertArrayEquals(name, FileNames.bytes(shown), shown);
      assertTrue(shown.chars().noneMatch(c -> c < 0x20 || c == 0x7F), shown);
    }
  }

  @Test
  void mainTurnsReportCellsBackIntoPaths() throws Exception {
    byte[] name = {'/', 'x', '/', (byte) 0xFF, '\n', '%'};
    String cell = FileNames.display(name) + "\n/plain\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    InputStream stdin = System.in;
    PrintStream stdout = System.out;
    try {
      System.setIn(new ByteArrayInputStream(cell.getBytes(StandardCharsets.UTF_8)));
      System.setOut(new PrintStream(out, true));
      FileNames.main(new String[0]);
    } finally {
      System.setIn(stdin);
      System.setOut(stdout);
    }
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.writeBytes(name);
    expected.write(0);
    expected.writeBytes("/plain".getBytes(StandardCharsets.US_ASCII));
    expected.write(0);
    assertArrayEquals(expected.toByteArray(), out.toByteArray());
  }
}
