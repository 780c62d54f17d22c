// The time budget of one search (SearchOptions::time_budget).
#pragma once

#include <chrono>

namespace newsearch {

/// When SearchOptions::time_budget runs out. Xapian 1.4 cannot end a match
/// early (Enquire::set_time_limit only stops check_at_least), so the budget
/// is checked between the steps of a search and between candidates. Once
/// passed, it stays passed (a steady clock).
struct Deadline {
  using Clock = std::chrono::steady_clock;
  Clock::time_point at = Clock::time_point::max();  ///< max(): none

  explicit Deadline(std::chrono::milliseconds budget) {
    if (budget.count() > 0) at = Clock::now() + budget;
  }
  bool none() const { return at == Clock::time_point::max(); }
  bool passed() const { return !none() && Clock::now() >= at; }
};

}  // namespace newsearch
