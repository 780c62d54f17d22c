#include "searcher/analysis/function_words.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_set>

namespace newsearch {
namespace {

// Short lists on purpose: the most frequent function words, which running
// text is full of and menus and headlines are not. Words of two languages
// ("die", "des", "con") count for both, harmlessly.
constexpr std::array<std::string_view, 8> kLists = {
    // en
    "a about above after again against all also am an and any are as at be because been before "
    "being below between both but by can could did do does doing down during each few for from "
    "further had has have having he her here hers him his how i if in into is it its itself just "
    "me more most my no nor not now of off on once only or other our out over own same she should "
    "so some such than that the their them then there these they this those through to too under "
    "until up very was we were what when where which while who whom why will with would you your "
    "said says may might must us",
    // de
    "der die und das den dem des ein eine einen einem ist nicht mit sich auf für von zu im auch es "
    "an als dass wird wurde sind hat bei nach aus",
    // fr
    "le la les des et du une pour dans qui pas sur au avec il elle ne ce son sa ses mais ou est "
    "été "
    "que aux par",
    // es
    "el los las del una por con para se es al lo como más pero sus ya este porque esta entre "
    "cuando muy sin sobre también",
    // it
    "il di che e per un una della non sono ha da si nel alla gli",
    // pt
    "o os as um uma do da dos das em no na com não mais foi ao",
    // id
    "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke adalah",
    // ru
    "и в не на что с по он как это из у к а но за то от о",
};

std::unordered_set<std::string> build() {
  std::unordered_set<std::string> words;
  for (std::string_view list : kLists) {
    std::size_t at = 0;
    while (at < list.size()) {
      const std::size_t end = std::min(list.find(' ', at), list.size());
      if (end > at) words.emplace(list.substr(at, end - at));
      at = end + 1;
    }
  }
  return words;
}

}  // namespace

bool is_function_word(std::string_view lower) {
  static const std::unordered_set<std::string> words = build();
  return words.count(std::string(lower)) > 0;
}

}  // namespace newsearch
