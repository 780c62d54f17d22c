#include "searcher/analysis/line_classifier.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "searcher/analysis/date_line.h"
#include "searcher/analysis/line_features.h"

namespace newsearch {
namespace {

// Step 1: what a line looks like on its own.
enum class Shape {
  kText,       // running text
  kNearText,   // text-like but short
  kSentence,   // a short full sentence
  kShort,      // menu item, headline, name, date, ...
  kFurniture,  // a known pattern or a template line
  kStop,       // the start of a comment section
};

// A page whose words are almost never function words is in a language the
// stopword lists do not cover: then length and punctuation decide alone.
constexpr double kNoStopwordsRate = 0.08;
// Running text has at least this share of function words (or 0.6 times the
// page's own rate, if lower: languages with fewer of them on our lists).
constexpr double kStopDensity = 0.18;

struct Line {
  LineFeatures f;
  Shape shape = Shape::kShort;
  bool is_template = false;
  std::optional<std::string> date;  // date_of_line()
};

Shape shape_of(const LineFeatures& f, bool no_stopwords, double threshold) {
  if (f.words == 0) return Shape::kFurniture;
  if (f.pattern == LinePattern::kCommentStart) return Shape::kStop;
  if (f.pattern == LinePattern::kBoilerplate) return Shape::kFurniture;
  if (f.pattern != LinePattern::kNone) return Shape::kShort;  // captions, bylines, list titles
  if (!f.ends_sentence && f.title_case()) return Shape::kShort;
  const bool wordy = no_stopwords || f.stop_density() >= threshold;
  if (f.words >= 40) return Shape::kText;
  if (wordy && f.words >= 12 && f.ends_sentence) return Shape::kText;
  if (wordy && f.words >= 25) return Shape::kText;
  if (wordy && f.words >= 8 && f.ends_sentence) return Shape::kNearText;
  if (f.words >= 3 && f.ends_full_stop) return Shape::kSentence;
  return Shape::kShort;
}

// The page's stopword rates: over all words, and over lines of 15+ words.
std::pair<double, double> stopword_rates(const std::vector<Line>& lines) {
  std::size_t all = 0, all_stop = 0, long_all = 0, long_stop = 0;
  for (const Line& l : lines) {
    all += l.f.words;
    all_stop += l.f.stopwords;
    if (l.f.words >= 15) {
      long_all += l.f.words;
      long_stop += l.f.stopwords;
    }
  }
  auto rate = [](std::size_t part, std::size_t whole) {
    return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
  };
  return {rate(all_stop, all), rate(long_stop, long_all)};
}

// Step 2: the weight of a line in the search for the article's run.
double weight(const Line& l) {
  const auto n = static_cast<double>(l.f.words);
  switch (l.shape) {
    case Shape::kText: return n;
    case Shape::kNearText: return 0.5 * n;
    case Shape::kSentence: return 0.5;
    case Shape::kShort: return -(3.0 + 0.5 * n);
    case Shape::kFurniture: return -(6.0 + n);
    case Shape::kStop: return -1e9;
  }
  return 0.0;
}

// Text after a comment section (once the page had some text) counts for
// this much: comments are text too, but rarely the article.
constexpr double kAfterCommentsFactor = 0.3;
constexpr std::size_t kTextBeforeComments = 40;  // words

struct Region {
  std::size_t begin = 0, end = 0;
};

// The run of lines of greatest total weight among the first @p end
// (Kadane's maximum subarray).
Region heaviest_run(const std::vector<double>& w, std::size_t end) {
  Region best;
  double best_sum = 0, sum = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < end; ++i) {
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += w[i];
    if (sum > best_sum) {
      best_sum = sum;
      best = {start, i + 1};
    }
  }
  return best;
}

std::size_t text_words_in(const std::vector<Line>& lines, const Region& r) {
  std::size_t words = 0;
  for (std::size_t i = r.begin; i < r.end; ++i)
    if (lines[i].shape == Shape::kText) words += lines[i].f.words;
  return words;
}

// The article's run. Comments come after the article: when the text above
// a comment section holds an article's worth, the article is there, however
// long the comments; otherwise text after them counts for less.
Region densest_region(const std::vector<Line>& lines) {
  std::vector<double> w(lines.size());
  std::size_t text_words = 0;
  std::optional<std::size_t> comments;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].shape == Shape::kText) text_words += lines[i].f.words;
    if (!comments && lines[i].shape == Shape::kStop && text_words >= kTextBeforeComments)
      comments = i;
    w[i] = weight(lines[i]);
    if (comments && w[i] > 0) w[i] *= kAfterCommentsFactor;
  }
  if (comments) {
    const Region before = heaviest_run(w, *comments);
    if (text_words_in(lines, before) >= kTextBeforeComments) return before;
  }
  return heaviest_run(w, w.size());
}

// Step 3: the headline.
constexpr std::size_t kNoLine = static_cast<std::size_t>(-1);
constexpr std::size_t kHeadlineWindow = 80;    // lines before the lede searched
constexpr std::size_t kLedeLines = 5;          // article lines a headline shares words with
constexpr double kPerLine = 0.08;              // score lost per line away from the lede
constexpr std::size_t kHeadlineBelowLede = 8;  // lines after the lede searched
constexpr double kBelowLedeCost = 10.0;        // their distance counts this many times
constexpr double kMetadataBelow = 6.0;         // a byline or date line follows closely

bool is_caption_line(const Line& l) { return l.f.pattern == LinePattern::kCaption; }

bool dated(const Line& l) { return l.date || l.f.dated >= 2 || (l.f.dated >= 1 && l.f.words <= 8); }

// A byline or a date line: what follows a headline.
bool metadata(const Line& l) {
  return l.f.pattern == LinePattern::kByline || l.date || (l.f.dated >= 2 && l.f.words <= 16);
}

// A short title-like line: what link lists are made of.
bool list_item(const std::vector<PageLine>& text, const std::vector<Line>& lines, std::size_t j) {
  if (j >= lines.size()) return false;
  const Line& l = lines[j];
  return (l.shape == Shape::kShort || l.shape == Shape::kNearText) && l.f.words >= 5 &&
         l.f.words <= 22 && !l.f.ends_full_stop && l.f.pattern == LinePattern::kNone && !dated(l) &&
         !text[j].text.empty();
}

class HeadlineChooser {
 public:
  HeadlineChooser(const std::vector<PageLine>& text, const std::vector<Line>& lines,
                  std::vector<std::size_t> text_lines)
      : text_(text), lines_(lines), text_lines_(std::move(text_lines)) {
    for (const PageLine& l : text_) ++seen_[l.text];
  }

  std::optional<std::size_t> choose(std::size_t lede) const {
    std::optional<std::size_t> best;
    double best_score = -1e9;
    const std::size_t from = lede > kHeadlineWindow ? lede - kHeadlineWindow : 0;
    // A few lines past the lede too: a ticker or teaser above the headline
    // can start the article run.
    for (std::size_t i = from; i <= lede + kHeadlineBelowLede && i < lines_.size(); ++i) {
      if (!eligible(i) || (i > lede && (lines_[i].shape == Shape::kText || lines_[i].f.words < 5)))
        continue;
      const double s = score(i, lede);
      if (s > best_score) {
        best_score = s;
        best = i;
      }
    }
    return best;
  }

 private:
  bool eligible(std::size_t i) const {
    const Line& l = lines_[i];
    if (l.shape == Shape::kFurniture || l.shape == Shape::kStop || l.is_template) return false;
    if (l.f.pattern != LinePattern::kNone) return false;
    if (l.f.words < 2 || l.f.words > 35) return false;
    if (l.shape == Shape::kText && l.f.words > 20 && l.f.ends_full_stop) return false;
    return !dated(l);
  }

  // The line occurs again on the page, alone or inside another line ("X |
  // Site name", "Share: X").
  bool repeated(std::size_t i) const {
    if (seen_.at(text_[i].text) > 1) return true;
    if (lines_[i].f.words < 4) return false;
    for (std::size_t j = 0; j < text_.size(); ++j)
      if (j != i && text_[j].text.size() > text_[i].text.size() &&
          text_[j].text.size() < 2 * text_[i].text.size() + 40 &&
          text_[j].text.find(text_[i].text) != std::string::npos)
        return true;
    return false;
  }

  // Share of the line's content words found in the article's first lines.
  double lede_overlap(std::size_t i) const {
    const auto words = content_words(text_[i].text);
    if (words.empty()) return 0.0;
    // The lede's words once per page; again without the line itself only
    // for a line of the lede (rare: headlines are seldom running text).
    const bool in_lede = std::find(text_lines_.begin(), text_lines_.end(), i) != text_lines_.end();
    if (!lede_.has_value()) lede_ = lede_words(kNoLine);
    const std::unordered_set<std::string> own =
        in_lede ? lede_words(i) : std::unordered_set<std::string>{};
    const auto& lede = in_lede ? own : *lede_;
    const auto hits = std::count_if(words.begin(), words.end(),
                                    [&](const std::string& w) { return lede.count(w) > 0; });
    return static_cast<double>(hits) / static_cast<double>(words.size());
  }

  // The content words of the first kLedeLines article lines, line
  // @p except left out.
  std::unordered_set<std::string> lede_words(std::size_t except) const {
    std::unordered_set<std::string> lede;
    std::size_t taken = 0;
    for (std::size_t j : text_lines_) {
      if (j == except) continue;
      for (auto& w : content_words(text_[j].text)) lede.insert(std::move(w));
      if (++taken == kLedeLines) break;
    }
    return lede;
  }

  double score(std::size_t i, std::size_t lede) const {
    const Line& l = lines_[i];
    const double away =
        i <= lede ? static_cast<double>(lede - i) : kBelowLedeCost * static_cast<double>(i - lede);
    double s = 4.0 * lede_overlap(i) - kPerLine * away;
    if (l.f.words >= 5 && l.f.words <= 20) s += 2.0;  // longer: a standfirst, more likely
    if (l.f.words <= 3) s -= 1.5;                     // a section label, a name
    if (l.f.title_case()) s += 1.0;
    if (repeated(i)) s += 1.5;  // the page's title repeated as its h1, or in a share box
    if (l.f.ends_full_stop) s -= 1.5;
    // Neighbours shaped like it (a copy of the line itself aside) make it
    // an item of a link list.
    auto item = [&](std::size_t back, std::size_t ahead) {
      if (i < back) return 0;
      const std::size_t j = i - back + ahead;
      return list_item(text_, lines_, j) && text_[j].text != text_[i].text ? 1 : 0;
    };
    const int listed = item(2, 0) + item(1, 0) + item(0, 1) + item(0, 2);
    if (listed >= 2) s -= 3.0;
    for (std::size_t j = i >= 8 ? i - 8 : 0; j < i && listed >= 1; ++j)
      if (lines_[j].f.pattern == LinePattern::kListHeader) {
        s -= 2.5;
        break;
      }
    for (std::size_t j = i + 1; j < std::min(lines_.size(), i + 9); ++j)
      if (metadata(lines_[j])) {
        s += j <= i + 3 ? kMetadataBelow : kMetadataBelow / 2;
        break;
      }
    return s;
  }

  const std::vector<PageLine>& text_;
  const std::vector<Line>& lines_;
  std::vector<std::size_t> text_lines_;
  std::unordered_map<std::string, int> seen_;
  mutable std::optional<std::unordered_set<std::string>> lede_;  // lede_words(), once
};

LineClass dropped_class(const Line& l) {
  if (l.date) return LineClass::kDate;
  if (l.is_template) return LineClass::kTemplate;
  switch (l.f.pattern) {
    case LinePattern::kCaption: return LineClass::kCaption;
    case LinePattern::kByline: return LineClass::kByline;
    default: return LineClass::kBoilerplate;
  }
}

std::vector<Line> shape_lines(const std::vector<PageLine>& text, const TemplateTest& is_template) {
  std::vector<Line> lines(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    lines[i].f = line_features(text[i].text);
    lines[i].is_template = is_template && is_template(i);
    lines[i].date = date_of_line(text[i].text);
  }
  // A short untitled line in one block with a caption or credit below it
  // is the caption's title ("Sergey Lavrov" over "... Image Credit: Reuters").
  for (std::size_t i = 0; i + 1 < text.size(); ++i)
    if (is_caption_line(lines[i + 1]) && !text[i + 1].block_start && lines[i].f.words <= 8 &&
        !lines[i].f.ends_sentence && lines[i].f.pattern == LinePattern::kNone)
      lines[i].f.pattern = LinePattern::kCaption;
  // A short line over "Read more" is a link to another article.
  for (std::size_t i = 0; i + 1 < text.size(); ++i)
    if (lines[i].f.words <= 20 && !lines[i].f.ends_full_stop &&
        pattern_key(text[i + 1].text) == "read more")
      lines[i].f.pattern = LinePattern::kBoilerplate;
  const auto [all_rate, long_rate] = stopword_rates(lines);
  const bool no_stopwords = all_rate < kNoStopwordsRate;
  const double threshold = std::min(kStopDensity, 0.6 * long_rate);
  for (Line& l : lines)
    l.shape = l.is_template ? Shape::kFurniture : shape_of(l.f, no_stopwords, threshold);
  return lines;
}

// The publisher's footer often reads like text and ends the article run
// ("Middle East Eye delivers independent ... To learn more about
// republishing this content ..."): the last few text lines that read like
// a footer are boilerplate.
constexpr std::size_t kFooterLines = 3;

void drop_footer(const std::vector<PageLine>& text, PageReading& r) {
  std::size_t checked = 0;
  for (std::size_t i = text.size(); i-- > 0 && checked < kFooterLines;) {
    if (r.classes[i] != LineClass::kText) continue;
    ++checked;
    if (!footer_like(text[i].text)) break;
    r.classes[i] = LineClass::kBoilerplate;
  }
}

// How far above the headline (or the lede) the date line may be.
constexpr std::size_t kDateAbove = 3;

// The publication date: the first date line from just above the headline
// on, within the article; else the first one above the article's end
// (never one in the comments or the footer).
void choose_date(const std::vector<Line>& lines, const Region& region, PageReading& r) {
  const std::size_t anchor = r.headline ? *r.headline : r.lede.value_or(region.begin);
  const std::size_t from = anchor > kDateAbove ? anchor - kDateAbove : 0;
  const std::size_t end = std::max(region.end, anchor + 1);
  auto first_in = [&](std::size_t b, std::size_t e) -> std::optional<std::size_t> {
    for (std::size_t i = b; i < e && i < lines.size(); ++i)
      if (lines[i].date) return i;
    return std::nullopt;
  };
  r.date_line = first_in(from, end);
  if (!r.date_line) r.date_line = first_in(0, end);
  if (r.date_line) r.date = *lines[*r.date_line].date;
}

// A page without running text (a short note, a list of short sentences)
// reads plainly: its first line that is not furniture is the headline, and
// every other such line the text.
PageReading plain_reading(const std::vector<PageLine>& text, const std::vector<Line>& lines) {
  PageReading r;
  r.classes.assign(text.size(), LineClass::kBoilerplate);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const Line& l = lines[i];
    if (l.date || l.shape == Shape::kFurniture || l.shape == Shape::kStop ||
        l.f.pattern == LinePattern::kCaption || l.f.pattern == LinePattern::kByline) {
      r.classes[i] = dropped_class(l);
    } else if (!r.headline) {
      r.headline = i;
      r.classes[i] = LineClass::kHeadline;
    } else {
      r.classes[i] = LineClass::kText;
      if (!r.lede) r.lede = i;
    }
  }
  choose_date(lines, {0, text.size()}, r);
  return r;
}

}  // namespace

PageReading classify_page(const std::vector<PageLine>& text, const TemplateTest& is_template) {
  const std::vector<Line> lines = shape_lines(text, is_template);
  Region region = densest_region(lines);
  std::vector<std::size_t> text_lines;
  for (std::size_t i = region.begin; i < region.end; ++i)
    if (lines[i].shape == Shape::kText) text_lines.push_back(i);
  if (text_lines.empty()) return plain_reading(text, lines);
  const std::size_t lede = text_lines.front();

  PageReading r;
  r.classes.assign(text.size(), LineClass::kBoilerplate);
  r.headline = HeadlineChooser(text, lines, text_lines).choose(lede);
  // Lines before the headline are teasers of other articles, not this one.
  if (r.headline && *r.headline >= region.begin) region.begin = *r.headline + 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const Line& l = lines[i];
    const bool inside = i >= region.begin && i < region.end;
    const bool furniture = l.date || l.shape == Shape::kFurniture || l.shape == Shape::kStop ||
                           l.f.pattern == LinePattern::kCaption ||
                           l.f.pattern == LinePattern::kByline;
    if (r.headline && (i == *r.headline || text[i].text == text[*r.headline].text))
      r.classes[i] = LineClass::kHeadline;
    else if (inside && !furniture)
      r.classes[i] = LineClass::kText;
    else
      r.classes[i] = dropped_class(l);
  }
  drop_footer(text, r);
  for (std::size_t i = 0; i < text.size(); ++i)
    if (r.classes[i] == LineClass::kText) {
      r.lede = i;
      break;
    }
  choose_date(lines, region, r);
  return r;
}

}  // namespace newsearch
