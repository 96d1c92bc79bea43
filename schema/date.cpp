#include "schema/date.h"

#include <chrono>
#include <cstdio>

namespace corpus::schema {

std::optional<Date> parse_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int fields[3] = {0, 0, 0};
    const std::size_t starts[3] = {0, 5, 8};
    const std::size_t lengths[3] = {4, 2, 2};
    for (int f = 0; f < 3; ++f) {
        for (std::size_t i = 0; i < lengths[f]; ++i) {
            const char c = text[starts[f] + i];
            if (c < '0' || c > '9') return std::nullopt;
            fields[f] = fields[f] * 10 + (c - '0');
        }
    }
    const std::chrono::year_month_day ymd{std::chrono::year{fields[0]},
                                          std::chrono::month{static_cast<unsigned>(fields[1])},
                                          std::chrono::day{static_cast<unsigned>(fields[2])}};
    if (!ymd.ok()) return std::nullopt;
    return Date{fields[0], fields[1], fields[2]};
}

std::optional<DatePeriod> parse_date_period(std::string_view text) {
    if (std::optional<Date> day = parse_date(text)) return DatePeriod{day->sortable(), day->sortable()};
    // A month is its first day through its last; a year, January's first through December's.
    if (text.size() == 7 && text[4] == '-') {
        const std::optional<Date> first = parse_date(std::string(text) + "-01");
        if (!first) return std::nullopt;
        const std::chrono::year_month_day_last last{std::chrono::year{first->year} / std::chrono::month{
                                                                                       static_cast<unsigned>(first->month)} /
                                                    std::chrono::last};
        return DatePeriod{first->sortable(),
                          Date{first->year, first->month, static_cast<int>(static_cast<unsigned>(last.day()))}.sortable()};
    }
    if (text.size() == 4 && parse_date(std::string(text) + "-01-01")) {
        return DatePeriod{std::string(text) + "0101", std::string(text) + "1231"};
    }
    return std::nullopt;
}

std::string format_instant(Instant instant) {
    const std::chrono::sys_days day = std::chrono::floor<std::chrono::days>(instant);
    const std::chrono::year_month_day ymd(day);
    const std::chrono::hh_mm_ss<std::chrono::seconds> time(instant - day);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                  static_cast<int>(time.seconds().count()));
    return buffer;
}

std::optional<Instant> parse_instant(std::string_view text) {
    if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z') {
        return std::nullopt;
    }
    const std::optional<Date> date = parse_date(text.substr(0, 10));
    if (!date) return std::nullopt;
    int fields[3] = {0, 0, 0};
    for (int f = 0; f < 3; ++f) {
        for (std::size_t i = 0; i < 2; ++i) {
            const char c = text[11 + 3 * static_cast<std::size_t>(f) + i];
            if (c < '0' || c > '9') return std::nullopt;
            fields[f] = fields[f] * 10 + (c - '0');
        }
    }
    if (fields[0] > 23 || fields[1] > 59 || fields[2] > 59) return std::nullopt;
    const std::chrono::sys_days day{std::chrono::year{date->year} / date->month / date->day};
    return Instant{day} + std::chrono::hours{fields[0]} + std::chrono::minutes{fields[1]} +
           std::chrono::seconds{fields[2]};
}

std::string Date::iso() const {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    return buffer;
}

std::string Date::sortable() const {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d%02d%02d", year, month, day);
    return buffer;
}

std::string Date::month_key() const {
    return iso().substr(0, 7);
}

}  // namespace corpus::schema
