"""The Java source of a tiny HeidelTime server: one JVM tags every document (stdin → stdout, length-framed).

HeidelTime standalone starts a JVM, UIMA and TreeTagger per call (~3 s); timing that per document
would measure start-up, not tagging, so when `javac` is available we compile this class once and
keep one process. Its arguments: the config file and the document type (news, narratives).
Protocol: the client writes a DCT line (YYYY-MM-DD or "-"), a line with the UTF-8
byte length of the text, then the text; the server answers `@@HEIDELTIME <length>` and the TimeML
bytes. Library output on stdout is moved to stderr so it cannot corrupt the frames.
"""

from __future__ import annotations

CLASS_NAME = "TimelineHeidelTimeServer"

JAVA_SOURCE = r"""
import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.Date;

public class TimelineHeidelTimeServer {
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') line.write(b);
        if (b == -1 && line.size() == 0) return null;
        return line.toString(StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, "UTF-8");
        System.setOut(System.err);
        HeidelTimeStandalone.readConfigFile(args[0]);
        HeidelTimeStandalone tagger = new HeidelTimeStandalone(
            Language.getLanguageFromString("english"), DocumentType.valueOf(args[1].toUpperCase()),
            OutputType.TIMEML, args[0], POSTagger.TREETAGGER);
        InputStream in = new BufferedInputStream(System.in);
        SimpleDateFormat day = new SimpleDateFormat("yyyy-MM-dd");
        String dct;
        while ((dct = readLine(in)) != null) {
            int length = Integer.parseInt(readLine(in).trim());
            byte[] text = in.readNBytes(length);
            String doc = new String(text, StandardCharsets.UTF_8);
            String result;
            try {
                result = dct.equals("-") ? tagger.process(doc) : tagger.process(doc, day.parse(dct));
            } catch (Exception e) {
                result = "@@ERROR " + e;
            }
            byte[] answer = result.getBytes(StandardCharsets.UTF_8);
            out.print("@@HEIDELTIME " + answer.length + "\n");
            out.write(answer);
            out.flush();
        }
    }
}
"""
