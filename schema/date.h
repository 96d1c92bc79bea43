// Calendar dates as the index stores them: "YYYY-MM-DD" outside, "YYYYMMDD" in values.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace corpus::schema {

struct Date {
    int year;
    int month;
    int day;

    std::string iso() const;        // "2024-06-18"
    std::string sortable() const;   // "20240618", the value-slot form
    std::string month_key() const;  // "2024-06", the facet form
};

// Accepts only a real calendar date written YYYY-MM-DD.
std::optional<Date> parse_date(std::string_view text);

// A year, a month or a day, as the first and last day it covers in value-slot form:
// "2024" is 20240101..20241231, "2024-06" 20240601..20240630, "2024-06-18" that day.
struct DatePeriod {
    std::string first;
    std::string last;
};
std::optional<DatePeriod> parse_date_period(std::string_view text);

// An instant to the second, as the index records when an article arrived and changed.
using Instant = std::chrono::sys_seconds;

// ISO 8601 in UTC, "2026-12-07T21:30:05Z": its value-slot form too, of fixed width, so
// that the strings sort as the instants do and a value range selects a period.
std::string format_instant(Instant instant);
// Accepts exactly what format_instant writes.
std::optional<Instant> parse_instant(std::string_view text);

}  // namespace corpus::schema
