// `search`: query a newsearch index from the terminal. A thin shell over
// newsearch::Searcher; also the reference example of embedding the library.
#include <unistd.h>

#include <iostream>

#include "newsearch/newsearch.h"
#include "searcher/cli/cli_common.h"
#include "searcher/cli/output.h"
#include "searcher/cli/terminal_text.h"

namespace {

// grep-like exit statuses.
constexpr int kExitMatched = 0;
constexpr int kExitNoMatch = 1;
constexpr int kExitError = 2;

constexpr const char* kFooter = R"(
Query syntax:
  Idlib ceasefire          all words matter; articles with all of them rank first
  "Aguila Saleh"           a phrase: the words in this order
  Libya -Haftar            exclude articles containing a word (or -"a phrase")
  Sisi OR Sissi            either word (OR binds tightest, then AND/NOT)
  Libya AND (Turkey NOT Russia)
  title:ceasefire          match in the headline only
Matching folds case and accents and stems each word in the language of the
article it is matched in (detected at index time): SHOIGU, Shoigú and shoigu
are the same word; "cease-fire" also finds "ceasefire"; Regierungen finds
German articles with Regierung. --lang de keeps German articles only (and
stems the query in German); --query-lang de stems it in German only.

Exit status: 0 if something matched, 1 if nothing matched, 2 on error.
Index location: --db, else $NEWSEARCH_DB, else
${XDG_DATA_HOME:-~/.local/share}/newsearch/index.)";

struct Flags {
  std::string db;
  std::vector<std::string> words;
  std::string color = "auto";
  std::string log_level = "warn";
  bool json = false;
  newsearch::SearchOptions options;
  long timeout_ms = 0;
  std::shared_ptr<spdlog::logger> logger;
};

void add_flags(CLI::App& app, Flags& f) {
  app.add_option("query", f.words, "Query words, phrases and operators")->required();
  newsearch::cli::add_db_flag(app, f.db);
  app.add_option("-n,--limit", f.options.limit, "Maximum number of articles")
      ->check(CLI::Range(1, 10000))
      ->capture_default_str();
  app.add_option("-p,--passages", f.options.passages_per_article,
                 "Passages shown per article, best first")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  app.add_option("--snippet-chars", f.options.snippet_chars, "Snippet length in characters")
      ->check(CLI::Range(20, 100000))
      ->capture_default_str();
  app.add_option("--offset", f.options.offset, "Skip this many best articles (paging)")
      ->check(CLI::Range(0, 100000))
      ->capture_default_str();
  app.add_option("--source", f.options.sources, "Only articles from this publisher (repeatable)");
  app.add_option("--since", f.options.date_from,
                 "Only articles dated on or after (2012, 2012-03-05, ...)");
  app.add_option("--until", f.options.date_to, "Only articles dated on or before, inclusive");
  app.add_option("--lang", f.options.languages,
                 "Only articles in this language: ISO 639-1 code or name (de, German; "
                 "repeatable)");
  app.add_option("--query-lang", f.options.query_language,
                 "Stem the query in this language only (default: in every language of the "
                 "index)");
  app.add_option("--timeout-ms", f.timeout_ms,
                 "Return the best results found within this time (0 = no limit)")
      ->check(CLI::Range(0L, 3600000L))
      ->capture_default_str();
  app.add_flag("--json", f.json, "One JSON object per result line (for scripts)");
  app.add_option("--color", f.color, "Highlight matches in colour: auto, always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  newsearch::cli::add_log_level_flag(app, f.log_level);
  app.set_version_flag("--version", newsearch::version_string());
  app.footer(kFooter);
}

newsearch::cli::Marking marking_for(const std::string& color) {
  using newsearch::cli::Marking;
  if (color == "always") return Marking::kColor;
  if (color == "never") return Marking::kNone;
  return isatty(STDOUT_FILENO) ? Marking::kColor : Marking::kPlain;
}

std::string join(const std::vector<std::string>& words) {
  std::string q;
  for (const auto& w : words) q += (q.empty() ? "" : " ") + w;
  return q;
}

// True for a short numeric option with its value attached ("-n5").
bool glued_number(const CLI::App& app, const std::string& arg) {
  if (arg.size() < 3 || arg[0] != '-' || arg[1] == '-') return false;
  const CLI::Option* opt = app.get_option_no_throw(arg.substr(0, 2));
  return opt && opt->get_items_expected_max() > 0 &&
         arg.find_first_not_of("0123456789", 2) == std::string::npos;
}

// CLI11 would take an exclusion such as "-Haftar" for an unknown option.
// Every argument that is neither one of our options nor an option's value is
// a query word; they are moved, in order, after a "--".
std::vector<std::string> query_words_last(const CLI::App& app, int argc, char** argv) {
  std::vector<std::string> options{argv[0]}, words;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--") {
      words.insert(words.end(), argv + i + 1, argv + argc);
      break;
    }
    const CLI::Option* opt = arg.size() > 1 && arg[0] == '-'
                                 ? app.get_option_no_throw(arg.substr(0, arg.find('=')))
                                 : nullptr;
    if (!opt && glued_number(app, arg)) {  // "-n5"
      options.push_back(arg);
      continue;
    }
    if (!opt && !arg.starts_with("--")) {  // "--bogus" stays an (unknown) option
      words.push_back(arg);
      continue;
    }
    options.push_back(arg);
    if (opt && opt->get_items_expected_max() > 0 && arg.find('=') == std::string::npos &&
        i + 1 < argc)
      options.push_back(argv[++i]);
  }
  if (!words.empty()) options.push_back("--");
  options.insert(options.end(), words.begin(), words.end());
  return options;
}

// Says on stderr (also with --json: stdout stays one hit per line) how many
// matching articles --since/--until left out for having no date.
void print_undated_note(std::size_t undated) {
  if (undated == 0) return;
  std::cerr << "search: " << undated
            << (undated == 1 ? " matching article has no date and was"
                             : " matching articles have no date and were")
            << " left out by --since/--until\n";
}

int run(Flags& f) {
  f.logger->debug("opening {}", f.db);
  f.options.time_budget = std::chrono::milliseconds(f.timeout_ms);
  f.options.log =
      newsearch::cli::forward_to(f.logger, newsearch::cli::recorded_level(f.log_level, {}));
  auto searcher = newsearch::Searcher::open(f.db, f.options);
  const std::string query = join(f.words);
  const newsearch::SearchResults results = searcher.search(query);
  if (f.json)
    newsearch::cli::print_json(std::cout, results);
  else
    newsearch::cli::print_human(std::cout, results, marking_for(f.color));
  std::cout.flush();
  if (results.timed_out) f.logger->warn("time budget ran out: results may be incomplete");
  print_undated_note(results.undated_matches);
  if (results.hits.empty()) {
    if (!f.json)
      std::cerr << "search: no articles match '" << newsearch::cli::visible(query) << "'\n";
    return kExitNoMatch;
  }
  return kExitMatched;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "Search a newsearch index of news articles; prints ranked passages with "
      "highlighted snippets.",
      "search"};
  Flags f;
  add_flags(app, f);
  try {
    std::vector<std::string> args = query_words_last(app, argc, argv);
    std::vector<char*> cargs;
    for (auto& a : args) cargs.push_back(a.data());
    app.parse(static_cast<int>(cargs.size()), cargs.data());
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "search: " << e.what() << " (see search --help)\n";
    return kExitError;
  }
  try {
    f.logger = newsearch::cli::make_logger("search", f.log_level);
    if (f.db.empty()) f.db = newsearch::default_index_path();
    return run(f);
  } catch (const newsearch::Error& e) {
    // Messages may quote article ids or the query: no raw controls.
    std::cerr << "search: " << newsearch::cli::visible(e.what()) << '\n';
  } catch (const std::exception& e) {
    std::cerr << "search: internal error: " << newsearch::cli::visible(e.what()) << '\n';
  }
  return kExitError;
}
