// Chinese, Japanese and Thai, written without spaces, are segmented into
// words by ICU's dictionary-based word break iterator (issue 18).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "newsearch/analyzer.h"

using newsearch::Analyzer;
using newsearch::Token;
using Strings = std::vector<std::string>;

namespace {

Strings terms(Analyzer& a, const std::string& text, const std::string& lang) {
  Strings out;
  for (const Token& t : a.analyze(text, lang))
    if (!t.joined) out.push_back(t.term);
  return out;
}

// The surface forms of the tokens: each token's bytes cover its word.
Strings surfaces(Analyzer& a, const std::string& text, const std::string& lang) {
  Strings out;
  for (const Token& t : a.analyze(text, lang)) {
    REQUIRE(t.byte_begin < t.byte_end);
    REQUIRE(t.byte_end <= text.size());
    out.push_back(text.substr(t.byte_begin, t.byte_end - t.byte_begin));
  }
  return out;
}

std::size_t code_points(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace

TEST_CASE("Chinese is segmented into dictionary words", "[languages][segment][cjk]") {
  Analyzer a;
  // "We work in Beijing."
  CHECK(terms(a, "我们在北京工作", "zh") == Strings{"我们", "在", "北京", "工作"});
  CHECK(surfaces(a, "我们在北京工作。", "zh") == Strings{"我们", "在", "北京", "工作"});
  // The same without a language: segmentation does not depend on it.
  CHECK(terms(a, "我们在北京工作", "en") == Strings{"我们", "在", "北京", "工作"});
  // Positions count words, not characters.
  const auto tokens = a.analyze("我们在北京工作", "zh");
  REQUIRE(tokens.size() == 4);
  for (std::uint32_t i = 0; i < 4; ++i) CHECK(tokens[i].position == i);
  // "The Chinese government announced new measures against rising energy
  // prices on Wednesday."
  CHECK(terms(a, "中国政府周三宣布了应对能源价格上涨的新措施。", "zh") ==
        Strings{"中国", "政府", "周三", "宣布", "了", "应对", "能源", "价格", "上涨", "的", "新",
                "措施"});
  // Chinese is not stemmed.
  for (const Token& t : tokens) CHECK(t.stem == t.term);
}

TEST_CASE("Japanese is segmented into dictionary words", "[languages][segment][cjk]") {
  Analyzer a;
  // "I live in Tokyo": 私 / は / 東京 / に / 住んで / います as ICU's
  // dictionary splits it (particles は and に are words of their own).
  const Strings got = terms(a, "私は東京に住んでいます", "ja");
  CAPTURE(got);
  CHECK(got.front() == "私");
  CHECK(std::find(got.begin(), got.end(), "東京") != got.end());
  CHECK(std::find(got.begin(), got.end(), "は") != got.end());
  CHECK(std::find(got.begin(), got.end(), "に") != got.end());
  // ICU splits 住んで (lived, te-form) into 住 / んで; the sentence below is
  // split as a reader would: "The government announced new measures
  // against the surge in energy prices on Wednesday."
  CHECK(terms(a, "政府は水曜日、エネルギー価格の高騰に対する新たな対策を発表した。", "ja") ==
        Strings{"政府", "は", "水曜日", "エネルギー", "価格", "の", "高騰", "に対する", "新た",
                "な", "対策", "を", "発表", "した"});
  // Katakana loan words stay whole: "コンピューター" (computer).
  CHECK(terms(a, "コンピューター", "ja") == Strings{"コンピューター"});
}

TEST_CASE("Thai is segmented into dictionary words", "[languages][segment][thai]") {
  Analyzer a;
  // "I like to eat rice": ผม (I) / ชอบ (like) / กิน (eat) / ข้าว (rice).
  CHECK(terms(a, "ผมชอบกินข้าว", "th") == Strings{"ผม", "ชอบ", "กิน", "ข้าว"});
  // "The government announced": รัฐบาล (government) / ประกาศ (announce).
  CHECK(terms(a, "รัฐบาลประกาศ", "th") == Strings{"รัฐบาล", "ประกาศ"});
  // "The government announced new measures to cope with rising energy
  // prices."
  CHECK(terms(a, "รัฐบาลประกาศมาตรการใหม่เพื่อรับมือกับราคาพลังงานที่สูงขึ้น", "th") ==
        Strings{"รัฐบาล", "ประกาศ", "มาตรการ", "ใหม่", "เพื่อ", "รับมือ", "กับ", "ราคา", "พลังงาน", "ที่",
                "สูง", "ขึ้น"});
  // Thai vowels and tone marks survive folding (สวัสดี, not สวสด).
  CHECK(terms(a, "สวัสดีครับ", "th") == Strings{"สวัสดี", "ครับ"});
}

TEST_CASE("Tokens per sentence of unspaced scripts (measured, printed)",
          "[languages][segment][measure]") {
  Analyzer a;
  struct Sample {
    const char* lang;
    std::string text;
  };
  const std::vector<Sample> samples = {
      {"zh", "我们在北京工作。"},
      {"zh", "中国政府周三宣布了应对能源价格上涨的新措施。"},
      {"zh", "上海的天气今天很好，很多人去公园散步。"},
      {"ja", "私は東京に住んでいます。"},
      {"ja", "政府は水曜日、エネルギー価格の高騰に対する新たな対策を発表した。"},
      {"th", "ผมชอบกินข้าว"},
      {"th", "รัฐบาลประกาศมาตรการใหม่เพื่อรับมือกับราคาพลังงานที่สูงขึ้น"},
      {"th", "วันนี้อากาศดีมากคนจำนวนมากไปเดินเล่นที่สวนสาธารณะ"},
  };
  std::printf("ICU dictionary segmentation (code points, tokens, tokens):\n");
  for (const Sample& s : samples) {
    const Strings t = terms(a, s.text, s.lang);
    CHECK_FALSE(t.empty());
    std::string joined;
    for (const auto& w : t) joined += (joined.empty() ? "" : " / ") + w;
    std::printf("  %s %3zu cp -> %2zu tokens: %s\n", s.lang, code_points(s.text), t.size(),
                joined.c_str());
    // Dictionary words, not single characters nor the whole sentence.
    CHECK(t.size() > 1);
    CHECK(t.size() < code_points(s.text));
  }
}
