// Charset decisions and conversion. Legacy bytes are made here from UTF-8
// sentences with ICU, so the expected text is the sentence itself.
#include "indexer/readers/charset.h"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <string>

#include "common/base/utf8.h"

namespace chancery {
namespace {

// `utf8` encoded in `charset` by ICU.
std::string Encode(const std::string& utf8, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  const int32_t length = ucnv_convert(
      charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
      utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status)) << charset << ": " << u_errorName(status);
  out.resize(length);
  return out;
}

struct LegacyCase {
  const char* charset;
  const char* text;
};

// News-like sentences in each language, a few hundred bytes each: about
// what one feed item's title and description give the detector.
const LegacyCase kLegacyCases[] = {
    {"KOI8-R",
     "Министр иностранных дел России встретился во вторник со своим "
     "китайским коллегой в Пекине. Стороны обсудили торговлю, поставки "
     "энергоносителей и положение на Украине. По словам дипломатов, "
     "переговоры продолжатся в следующем месяце в Москве."},
    {"Shift_JIS",
     "日本の外務大臣は火曜日、北京で中国の外相と会談し、貿易や安全保障の問題に"
     "ついて話し合った。両国の関係者によると、会談は約二時間にわたり、来月に"
     "も東京で再び協議を行うことで一致したという。"},
    {"EUC-JP",
     "東京株式市場では、円安を背景に輸出関連株が買われ、日経平均株価は三日ぶり"
     "に反発した。市場関係者は、来週発表される日本銀行の金融政策決定会合の結果"
     "に注目しているという。"},
    {"EUC-KR",
     "한국 정부는 화요일 서울에서 열린 회의에서 새로운 경제 정책을 발표했다. "
     "정부 관계자는 이번 정책이 수출을 늘리고 일자리를 만드는 데 도움이 될 "
     "것이라고 말했다. 야당은 정책의 효과에 의문을 제기했다."},
    {"GB2312",
     "中国外交部发言人星期二在北京举行的例行记者会上表示，中方愿与各国加强合作"
     "，"
     "共同应对气候变化和经济下行的挑战。发言人还说，双方将于下个月在上海举行新"
     "一轮经贸磋商。"},
    {"TIS-620",
     "นายกรัฐมนตรีของประเทศไทยได้เดินทางไปเยือนประเทศญี่ปุ่นเมื่อวันอังคาร "
     "เพื่อหารือเกี่ยวกับการค้าและการลงทุนระหว่างสองประเทศ "
     "รัฐบาลคาดว่าการเยือนครั้งนี้จะช่วยเพิ่มการส่งออกสินค้าเกษตร"},
    {"windows-1255",
     "ראש הממשלה נפגש ביום שלישי בירושלים עם שר החוץ של צרפת. השניים דנו "
     "בתהליך המדיני, במצב הכלכלי ובשיתוף הפעולה בין שתי המדינות. לדברי "
     "גורמים מדיניים, הפגישה הייתה חיובית והשיחות יימשכו בחודש הבא."},
};

class LegacyCharsetTest : public ::testing::TestWithParam<LegacyCase> {};

TEST_P(LegacyCharsetTest, UndeclaredBytesAreDetectedAndDecoded) {
  const LegacyCase& c = GetParam();
  std::string text = Encode(c.text, c.charset);
  ASSERT_FALSE(IsValidUtf8(text));
  const Utf8Decoding decoding = DecodeToUtf8(&text);
  EXPECT_TRUE(decoding.converted);
  EXPECT_EQ(decoding.replaced, 0u) << decoding.charset;
  EXPECT_EQ(text, c.text) << "read as " << decoding.charset;
}

INSTANTIATE_TEST_SUITE_P(Charsets, LegacyCharsetTest,
                         ::testing::ValuesIn(kLegacyCases),
                         [](const ::testing::TestParamInfo<LegacyCase>& info) {
                           std::string name;
                           for (const char* p = info.param.charset; *p; ++p) {
                             if (std::isalnum(static_cast<unsigned char>(*p)))
                               name += *p;
                           }
                           return name;
                         });

TEST(DetectCharset, BomThenXmlDeclarationThenMeta) {
  EXPECT_EQ(DetectCharset("\xEF\xBB\xBF<?xml version=\"1.0\" "
                          "encoding=\"KOI8-R\"?><rss/>"),
            "UTF-8");
  EXPECT_EQ(DetectCharset("\xFF\xFE<\0r\0"), "UTF-16LE");
  EXPECT_EQ(DetectCharset("<?xml version='1.0' encoding='KOI8-R'?>\n"
                          "<html><meta charset=\"Shift_JIS\">"),
            "KOI8-R");
  EXPECT_EQ(DetectCharset("<html><head><meta charset=Shift_JIS></head>"),
            "Shift_JIS");
  EXPECT_EQ(DetectCharset("<html><head><meta http-equiv=\"Content-Type\" "
                          "content=\"text/html; charset=euc-kr\">"),
            "euc-kr");
  EXPECT_EQ(DetectCharset("plain ascii"), "UTF-8");
}

TEST(DetectCharset, UnknownOrContradictedDeclarationsAreIgnored) {
  const std::string koi8 = Encode(kLegacyCases[0].text, "KOI8-R");
  EXPECT_EQ(DetectCharset("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + koi8),
            "KOI8-R");
  EXPECT_EQ(DetectCharset("<meta charset=\"no-such-charset\">" + koi8),
            "KOI8-R");
}

TEST(DecodeToUtf8, DeclarationWinsOverTheDetector) {
  // Bytes that are also plausible windows-1252: the declaration decides.
  std::string text = Encode("Президент", "windows-1251");
  EXPECT_EQ(DecodeToUtf8(&text, "windows-1251").charset, "windows-1251");
  EXPECT_EQ(text, "Президент");
  std::string xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><t>" +
                    Encode("Séjourné à Genève", "ISO-8859-1") + "</t>";
  DecodeToUtf8(&xml);
  EXPECT_EQ(xml,
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><t>Séjourné à "
            "Genève</t>");
}

TEST(DecodeToUtf8, ValidUtf8IsKeptBarItsBom) {
  std::string text = "\xEF\xBB\xBFSéjourné";
  EXPECT_TRUE(DecodeToUtf8(&text, "ISO-8859-1").converted);
  EXPECT_EQ(text, "Séjourné");
  EXPECT_FALSE(EnsureUtf8(&text, "KOI8-R"));
  EXPECT_EQ(text, "Séjourné");
}

TEST(DecodeToUtf8, UndecodableBytesAreReplacedAndLocated) {
  // 0x82 0x20 is no Shift_JIS character; on line 3.
  std::string text = "<meta charset=\"Shift_JIS\">\nline two\n" +
                     Encode("東京", "Shift_JIS") + "\x82\x20 end";
  const Utf8Decoding decoding = DecodeToUtf8(&text);
  EXPECT_EQ(decoding.charset, "Shift_JIS");
  EXPECT_EQ(decoding.replaced, 1u);
  EXPECT_EQ(decoding.first_bad_line, 3u);
  EXPECT_TRUE(IsValidUtf8(text));
  EXPECT_NE(text.find("東京\xEF\xBF\xBD"), std::string::npos) << text;
}

TEST(DecodeToUtf8, Utf16WithBom) {
  std::string text = Encode("\xEF\xBB\xBFНовости дня", "UTF-16LE");
  DecodeToUtf8(&text);
  EXPECT_EQ(text, "Новости дня");
}

}  // namespace
}  // namespace chancery
