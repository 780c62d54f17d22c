// The line classifier for scraped text (searcher/analysis/line_classifier.h)
// on crafted pages: each line class, the context revision, comment
// sections, the headline choice, the date line, odd input; and
// derived_headline() (searcher/analysis/headline.h).
#include <catch2/catch.hpp>

#include <unicode/utf8.h>

#include <string>
#include <vector>

#include "indexer/article_reader.h"
#include "searcher/analysis/headline.h"
#include "searcher/analysis/line_classifier.h"

using newsearch::classify_page;
using newsearch::derived_headline;
using newsearch::LineClass;
using newsearch::page_lines;
using newsearch::PageLine;
using newsearch::PageReading;

namespace {

// Running text: long lines with function words and full stops.
const std::string kPara1 =
    "The foreign ministers of the two countries said on Sunday that they would put off the "
    "talks that had been planned for this week in the city, and that their deputies would "
    "continue to work on the details of a ceasefire in the region.";
const std::string kPara2 =
    "Officials in the capital said that the decision was taken after a phone call between "
    "the two leaders, who have backed opposing sides in the conflict for more than a year "
    "and who have met several times since the start of the fighting.";
const std::string kPara3 =
    "Analysts said that the delay was a sign of the deep differences between the two "
    "governments, which have tried to find a way to end the war but have not been able to "
    "agree on who should lead the country after the elections.";

struct Page {
  std::vector<PageLine> lines;
  PageReading reading;
};

Page read(const std::string& text, const newsearch::TemplateTest& is_template = {}) {
  Page p;
  p.lines = page_lines(text);
  p.reading = classify_page(p.lines, is_template);
  REQUIRE(p.reading.classes.size() == p.lines.size());
  return p;
}

// The index of the line whose text is @p text.
std::size_t index_of(const Page& p, const std::string& text) {
  for (std::size_t i = 0; i < p.lines.size(); ++i)
    if (p.lines[i].text == text) return i;
  FAIL("no line '" << text << "' on the page");
  return 0;
}

LineClass class_of(const Page& p, const std::string& text) {
  return p.reading.classes[index_of(p, text)];
}

std::string headline_of(const Page& p) {
  return p.reading.headline ? p.lines[*p.reading.headline].text : std::string("<none>");
}

bool valid_utf8(const std::string& s) {
  const auto* b = reinterpret_cast<const std::uint8_t*>(s.data());
  const auto n = static_cast<std::int32_t>(s.size());
  for (std::int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(b, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

const std::string kMenu = "Home\nWorld\nPolitics\nBusiness\nSports\nOpinion\n\n";

}  // namespace

TEST_CASE("classify_page: each line class on one page", "[analysis][classifier]") {
  const std::string text = kMenu +
                           "Ministers Postpone Talks On Regional Ceasefire\n"
                           "By Jane Doe\n"
                           "June 14, 2020\n\n" +
                           kPara1 + "\n\n" + "Image Credit: Reuters\n\n" + kPara2 + "\n\n" +
                           "Share this article\n\n" + kPara3 + "\n\n" +
                           "This line is the footer every page of the site has\n";
  const std::size_t n_lines = page_lines(text).size();
  // The footer line is the source's template line.
  const Page p = read(text, [&](std::size_t i) { return i + 1 == n_lines; });
  for (const char* menu : {"Home", "World", "Politics", "Business", "Sports", "Opinion"})
    CHECK(class_of(p, menu) == LineClass::kBoilerplate);
  CHECK(headline_of(p) == "Ministers Postpone Talks On Regional Ceasefire");
  CHECK(class_of(p, "Ministers Postpone Talks On Regional Ceasefire") == LineClass::kHeadline);
  CHECK(class_of(p, "By Jane Doe") == LineClass::kByline);
  CHECK(class_of(p, "June 14, 2020") == LineClass::kDate);
  CHECK(class_of(p, kPara1) == LineClass::kText);
  CHECK(class_of(p, "Image Credit: Reuters") == LineClass::kCaption);
  CHECK(class_of(p, kPara2) == LineClass::kText);
  CHECK(class_of(p, "Share this article") == LineClass::kBoilerplate);
  CHECK(class_of(p, kPara3) == LineClass::kText);
  CHECK(class_of(p, "This line is the footer every page of the site has") == LineClass::kTemplate);
  REQUIRE(p.reading.lede);
  CHECK(p.lines[*p.reading.lede].text == kPara1);
  CHECK(p.reading.date == "2020-06-14");
  REQUIRE(p.reading.date_line);
  CHECK(p.lines[*p.reading.date_line].text == "June 14, 2020");
}

TEST_CASE("classify_page: a template line inside the article is left out as template",
          "[analysis][classifier]") {
  const std::string shared = "Sign of the times: the site's own words that every article repeats.";
  const std::string text =
      "A Headline For The Story Here\n\n" + kPara1 + "\n\n" + shared + "\n\n" + kPara2 + "\n";
  const Page without = read(text);
  CHECK(class_of(without, shared) == LineClass::kText);
  const std::size_t at = index_of(without, shared);
  std::vector<std::size_t> asked;
  const Page with = read(text, [&](std::size_t i) {
    asked.push_back(i);
    return i == at;
  });
  CHECK(class_of(with, shared) == LineClass::kTemplate);
  CHECK(class_of(with, kPara1) == LineClass::kText);
  CHECK(class_of(with, kPara2) == LineClass::kText);
  for (std::size_t i : asked) CHECK(i < with.lines.size());  // only about lines of the page
}

TEST_CASE("classify_page: context revision keeps short lines inside the article",
          "[analysis][classifier]") {
  const std::string text = kMenu + "Ministers Postpone Talks On Regional Ceasefire\n\n" + kPara1 +
                           "\n\n" + "Talks and their aftermath\n\n" + kPara2 + "\n\n" +
                           "He declined to comment.\n\n" + kPara3 + "\n";
  const Page p = read(text);
  SECTION("a short subheading between two long paragraphs stays text") {
    CHECK(class_of(p, "Talks and their aftermath") == LineClass::kText);
  }
  SECTION("a short sentence in the article stays text") {
    CHECK(class_of(p, "He declined to comment.") == LineClass::kText);
  }
  SECTION("the run of menu items before the article is boilerplate") {
    for (const char* menu : {"Home", "World", "Politics", "Business", "Sports", "Opinion"})
      CHECK(class_of(p, menu) == LineClass::kBoilerplate);
  }
  SECTION("the paragraphs around them are text") {
    for (const auto& para : {kPara1, kPara2, kPara3}) CHECK(class_of(p, para) == LineClass::kText);
  }
}

TEST_CASE("classify_page: a run of menu items after the article ends it",
          "[analysis][classifier]") {
  const std::string text = "Ministers Postpone Talks On Regional Ceasefire\n\n" + kPara1 + "\n\n" +
                           kPara2 + "\n\n" + kMenu + "About Us\nContact\nCareers\nAdvertise\n";
  const Page p = read(text);
  for (const char* menu : {"Home", "World", "Politics", "Sports", "About Us", "Careers"})
    CHECK(class_of(p, menu) == LineClass::kBoilerplate);
  CHECK(class_of(p, kPara2) == LineClass::kText);
}

namespace {

// A reader's comment: long running text, as long as an article paragraph.
std::string comment(int i) {
  return "I think that the government should have done more to stop this from happening, and "
         "I have said so many times on this site over the years, but nobody in power ever "
         "listens to the people who live here, comment number " +
         std::to_string(i) + ".";
}

}  // namespace

TEST_CASE("classify_page: a comment section ends the article even when comments are long text",
          "[analysis][classifier]") {
  const std::string start = GENERATE(std::string("34 Comments"), std::string("Leave a Reply"));
  INFO("comment section starts with: " << start);
  std::string text = "Ministers Postpone Talks On Regional Ceasefire\n\n" + kPara1 + "\n\n" +
                     kPara2 + "\n\n" + kPara3 + "\n\n" + start + "\n\n";
  // Twice as many words of comments as of article.
  for (int i = 0; i < 6; ++i) text += "Reader" + std::to_string(i) + "\n" + comment(i) + "\n\n";
  const Page p = read(text);
  for (const auto& para : {kPara1, kPara2, kPara3}) CHECK(class_of(p, para) == LineClass::kText);
  CHECK(class_of(p, start) == LineClass::kBoilerplate);
  for (int i = 0; i < 6; ++i) {
    INFO("comment " << i);
    CHECK(class_of(p, comment(i)) != LineClass::kText);
  }
  CHECK(headline_of(p) == "Ministers Postpone Talks On Regional Ceasefire");
}

TEST_CASE("classify_page: a comment section five times the article's length does not replace it",
          "[analysis][classifier]") {
  // Regression: text after a comment section counted 0.3 times, so fifteen
  // comments of ~40 words (five times the 3-paragraph article) outweighed
  // the article, which was dropped while the comments were indexed.
  std::string text = "Ministers Postpone Talks On Regional Ceasefire\n\n" + kPara1 + "\n\n" +
                     kPara2 + "\n\n" + kPara3 + "\n\n34 Comments\n\n";
  for (int i = 0; i < 15; ++i) text += "Reader" + std::to_string(i) + "\n" + comment(i) + "\n\n";
  const Page p = read(text);
  for (const auto& para : {kPara1, kPara2, kPara3}) CHECK(class_of(p, para) == LineClass::kText);
  for (int i = 0; i < 15; ++i) {
    INFO("comment " << i);
    CHECK(class_of(p, comment(i)) != LineClass::kText);
  }
}

TEST_CASE("classify_page: a masthead first is not the headline", "[analysis][classifier]") {
  const std::string text =
      "Supervisor Elham AbolFateh\n"
      "Editor in Chief Mohamed Wadie\n\n"
      "Russian Top Officials Postpone Turkey Visit Amid Syria, Libya Clash\n\n\n"
      "Sun 14 Jun 2020 | 04:38 PM\n"
      "H-Tayea\n\n"
      "On Sunday, senior Russian officials put off their planned visit to Turkey at the last "
      "minute as opposing policies in Syria and Libya threaten an alliance between the two.\n\n" +
      kPara2 + "\n\n" + kPara3 + "\n";
  const Page p = read(text);
  CHECK(headline_of(p) == "Russian Top Officials Postpone Turkey Visit Amid Syria, Libya Clash");
  CHECK(class_of(p, "Supervisor Elham AbolFateh") == LineClass::kBoilerplate);
  CHECK(class_of(p, "Editor in Chief Mohamed Wadie") == LineClass::kBoilerplate);
  CHECK(class_of(p, "Sun 14 Jun 2020 | 04:38 PM") == LineClass::kDate);
  CHECK(p.reading.date == "2020-06-14T16:38");
}

TEST_CASE("classify_page: a caption first is not the headline", "[analysis][classifier]") {
  SECTION("a caption line ending in 'Source of the photo:'") {
    const std::string caption =
        "Serghei LAVROV the Russian Foreign Minister and General of the Army Serghei SHOIGU the "
        "Russian Defence Minister visited Istanbul for discussions.Source of the photo:";
    const Page p = read(caption + "\n\n" + kPara1 + "\n\n" + kPara2 + "\n\n" + kPara3 + "\n");
    CHECK(headline_of(p) != caption);
    CHECK(class_of(p, caption) == LineClass::kCaption);
    CHECK(class_of(p, kPara1) == LineClass::kText);
  }
  SECTION("a short line over '... Image Credit: Reuters' in the same block") {
    const std::string credit =
        "Russian Foreign Minister Sergey Lavrov welcomes US Secretary of State Mike Pompeo for "
        "the talks in Sochi, Russia, May 14, 2019. Image Credit: Reuters";
    const Page p = read("Russian Foreign Minister Sergey Lavrov\n" + credit + "\n\n" + kPara1 +
                        "\n\n" + kPara2 + "\n\n" + kPara3 + "\n");
    CHECK(headline_of(p) != "Russian Foreign Minister Sergey Lavrov");
    CHECK(headline_of(p) != credit);
    CHECK(class_of(p, "Russian Foreign Minister Sergey Lavrov") == LineClass::kCaption);
    CHECK(class_of(p, credit) == LineClass::kCaption);
  }
  SECTION("the same short line in its own block, without a credit, can be the headline") {
    const Page p = read("Foreign Ministers Put Off Talks In The City\n\n" + kPara1 + "\n\n" +
                        kPara2 + "\n\n" + kPara3 + "\n");
    CHECK(headline_of(p) == "Foreign Ministers Put Off Talks In The City");
  }
}

TEST_CASE("classify_page: no headline at all", "[analysis][classifier]") {
  SECTION("only running text: no headline line, the article text is every paragraph") {
    const Page p = read(kPara1 + "\n\n" + kPara2 + "\n\n" + kPara3 + "\n");
    CHECK_FALSE(p.reading.headline);
    for (const auto& para : {kPara1, kPara2, kPara3}) CHECK(class_of(p, para) == LineClass::kText);
    // The reader then derives the title from the first sentence.
    const auto a =
        newsearch::parse_text_article(kPara1 + "\n\n" + kPara2 + "\n", "x.txt", "/x.txt");
    CHECK(a.title_derived);
    CHECK(a.title == derived_headline(kPara1));
    CHECK_FALSE(a.title.empty());
  }
  SECTION("no running text: plain reading, the first line is the headline, the rest text") {
    const Page p = read("Short note\n\nThe office is closed today.\n\nIt opens again on Monday.\n");
    CHECK(headline_of(p) == "Short note");
    CHECK(class_of(p, "The office is closed today.") == LineClass::kText);
    CHECK(class_of(p, "It opens again on Monday.") == LineClass::kText);
  }
}

TEST_CASE("classify_page: a link list of headlines before the article is not taken",
          "[analysis][classifier]") {
  const std::vector<std::string> teasers = {
      "Oil prices fall as demand worries weigh on markets",
      "Elections in the north draw a record turnout this year",
      "Storm batters the coast leaving thousands without power",
      "Central bank holds interest rates steady for another month"};
  std::string text = kMenu + "Most Popular\n";
  for (const auto& t : teasers) text += t + "\n";
  text += "\nMinisters Postpone Talks On Regional Ceasefire\n\n" + kPara1 + "\n\n" + kPara2 +
          "\n\n" + kPara3 + "\n";
  const Page p = read(text);
  CHECK(headline_of(p) == "Ministers Postpone Talks On Regional Ceasefire");
  for (const auto& t : teasers) {
    INFO(t);
    CHECK(class_of(p, t) == LineClass::kBoilerplate);
  }
}

TEST_CASE("classify_page: a headline followed by a byline and a date line is taken",
          "[analysis][classifier]") {
  // Two headline-shaped lines; the one with its byline and date below wins,
  // though the other is nearer the article.
  const std::string text =
      "Ministers Put Off Talks On Ceasefire\n"
      "By Jane Doe, Reuters\n"
      "Published: June 14, 2020\n\n"
      "Listen to this story in our new audio player now\n\n" +
      kPara1 + "\n\n" + kPara2 + "\n\n" + kPara3 + "\n";
  const Page p = read(text);
  CHECK(headline_of(p) == "Ministers Put Off Talks On Ceasefire");
  CHECK(class_of(p, "By Jane Doe, Reuters") == LineClass::kByline);
  CHECK(class_of(p, "Published: June 14, 2020") == LineClass::kDate);
  CHECK(p.reading.date == "2020-06-14");
}

TEST_CASE("classify_page: the date line", "[analysis][classifier][dates]") {
  SECTION("'Sun 14 Jun 2020 | 04:38 PM' near the top is the date") {
    const Page p =
        read("Ministers Postpone Talks On Regional Ceasefire\n\nSun 14 Jun 2020 | 04:38 PM\n\n" +
             kPara1 + "\n\n" + kPara2 + "\n");
    CHECK(p.reading.date == "2020-06-14T16:38");
    REQUIRE(p.reading.date_line);
    CHECK(p.lines[*p.reading.date_line].text == "Sun 14 Jun 2020 | 04:38 PM");
  }
  SECTION("date line formats under the headline") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"Published: 14 June 2020", "2020-06-14"},
        {"2020-06-14", "2020-06-14"},
        {"Updated June 15, 2020 | Published June 14, 2020", "2020-06-14"},
        {"14.06.2020 18:54", "2020-06-14T18:54"},
        {"June 14, 2020 at 4:38 pm", "2020-06-14T16:38"},
        {"By Jane Doe | June 14, 2020", "2020-06-14"},
    };
    for (const auto& [line, iso] : cases) {
      INFO(line);
      const Page p = read("Ministers Postpone Talks On Regional Ceasefire\n" + line + "\n\n" +
                          kPara1 + "\n\n" + kPara2 + "\n");
      CHECK(p.reading.date == iso);
      CHECK(headline_of(p) == "Ministers Postpone Talks On Regional Ceasefire");
      CHECK(class_of(p, line) == LineClass::kDate);
    }
  }
  SECTION("a story date inside a sentence further down is not taken") {
    const std::string story =
        "The two ministers decided to put off the talks during a phone call on June 14, 2020, "
        "the ministry said in a statement that was published on its website.";
    const Page p =
        read("Ministers Postpone Talks On Regional Ceasefire\n\n" + kPara1 + "\n\n" + story +
             "\n\nOn June 14, 2020, the ministers met in Istanbul.\n\n" + kPara2 + "\n");
    CHECK(p.reading.date.empty());
    CHECK_FALSE(p.reading.date_line);
    CHECK(class_of(p, story) == LineClass::kText);
  }
  SECTION("a date in the comments is not taken") {
    std::string text = "Ministers Postpone Talks On Regional Ceasefire\n\n" + kPara1 + "\n\n" +
                       kPara2 + "\n\n" + kPara3 + "\n\nLeave a Reply\n\n";
    text += "Reader0\nJune 20, 2020 at 10:15 am\n" + comment(0) + "\n";
    const Page p = read(text);
    CHECK(p.reading.date.empty());
    CHECK(class_of(p, "June 20, 2020 at 10:15 am") != LineClass::kText);
  }
  SECTION("a date in the footer is not taken") {
    const std::string text = "Ministers Postpone Talks On Regional Ceasefire\n\n" + kPara1 +
                             "\n\n" + kPara2 + "\n\n" + kPara3 + "\n\n" + kMenu +
                             "About Us\nContact\nPrivacy Policy\n14 June 2020\n";
    const Page p = read(text);
    CHECK(p.reading.date.empty());
  }
  SECTION("the date line above the headline, within a few lines, is taken") {
    const Page p = read(kMenu + "14.06.2020\nMinisters Postpone Talks On Regional Ceasefire\n\n" +
                        kPara1 + "\n\n" + kPara2 + "\n");
    CHECK(p.reading.date == "2020-06-14");
  }
}

TEST_CASE("classify_page: odd input, determinism", "[analysis][classifier]") {
  SECTION("no lines") {
    const PageReading r = classify_page({});
    CHECK(r.classes.empty());
    CHECK_FALSE(r.headline);
    CHECK_FALSE(r.lede);
    CHECK_FALSE(r.date_line);
    CHECK(r.date.empty());
  }
  SECTION("one line") {
    for (const std::string& line :
         std::vector<std::string>{"Hello", "×", "12345", "Leave a Reply", kPara1}) {
      INFO(line);
      PageReading r;
      REQUIRE_NOTHROW(r = classify_page({PageLine{line, 1, true}}));
      CHECK(r.classes.size() == 1);
    }
  }
  SECTION("10000 lines, twice: the same reading") {
    std::vector<PageLine> lines;
    const std::vector<std::string> kinds = {
        "Home",         kPara1,       "34 Comments",
        "By Jane Doe",  "14.06.2020", "Image Credit: AP",
        "\xE2\x80\x94", kPara2,       "Short Headline Here Now"};
    for (std::uint32_t i = 0; i < 10000; ++i)
      lines.push_back({kinds[(i * 7 + i / 13) % kinds.size()], i + 1, i % 3 == 0});
    PageReading a, b;
    REQUIRE_NOTHROW(a = classify_page(lines));
    REQUIRE_NOTHROW(b = classify_page(lines));
    CHECK(a.classes.size() == 10000);
    CHECK(a.classes == b.classes);
    CHECK(a.headline == b.headline);
    CHECK(a.lede == b.lede);
    CHECK(a.date_line == b.date_line);
    CHECK(a.date == b.date);
  }
  SECTION("a template test that says yes for every line") {
    const auto lines = page_lines("A Headline\n\n" + kPara1 + "\n");
    PageReading r;
    REQUIRE_NOTHROW(r = classify_page(lines, [](std::size_t) { return true; }));
    CHECK(r.classes.size() == lines.size());
    for (LineClass c : r.classes) CHECK(c != LineClass::kText);
  }
}

TEST_CASE("derived_headline: the first sentence, shortened", "[analysis][headline]") {
  SECTION("the first sentence only") {
    CHECK(derived_headline("The talks were postponed. Officials gave no reason.") ==
          "The talks were postponed.");
  }
  SECTION("a short text is kept whole") {
    CHECK(derived_headline("Talks postponed") == "Talks postponed");
  }
  SECTION("a long sentence is cut at a word boundary near 100 bytes, with an ellipsis") {
    const std::string h = derived_headline(kPara1);
    INFO(h);
    REQUIRE(h.size() > 3);
    CHECK(h.ends_with("\xE2\x80\xA6"));
    const std::string head = h.substr(0, h.size() - 3);
    CHECK(head.size() <= newsearch::kDerivedHeadlineBytes);
    CHECK(head.size() >= newsearch::kDerivedHeadlineBytes / 2);
    CHECK(kPara1.starts_with(head));
    // The cut is at a word boundary: the original goes on with a space or
    // punctuation, never in the middle of a word.
    const char next = kPara1[head.size()];
    CHECK((next == ' ' || next == ','));
    CHECK(head.back() != ' ');
  }
  SECTION("a cut inside multi-byte characters stays valid UTF-8") {
    std::string text;
    for (int i = 0; i < 120; ++i) text += "\xC3\xA9";  // é, no spaces: no word boundary
    const std::string h = derived_headline(text);
    CHECK(valid_utf8(h));
    CHECK(h.ends_with("\xE2\x80\xA6"));
    CHECK(h.size() <= newsearch::kDerivedHeadlineBytes + 3);
    std::string cjk;
    for (int i = 0; i < 60; ++i) cjk += "\xE4\xB8\xAD";  // 中, 3 bytes each
    const std::string c = derived_headline(cjk + " " + cjk);
    CHECK(valid_utf8(c));
    CHECK(c.size() <= newsearch::kDerivedHeadlineBytes + 3);
  }
  SECTION("no letters or digits: empty") {
    CHECK(derived_headline("").empty());
    CHECK(derived_headline("   ").empty());
    CHECK(derived_headline("\xE2\x80\x94 \xE2\x80\xA6 !!! ...").empty());
  }
  SECTION("a custom limit") {
    const std::string h = derived_headline(kPara1, 40);
    CHECK(h.ends_with("\xE2\x80\xA6"));
    CHECK(h.size() <= 40 + 3);
  }
}
