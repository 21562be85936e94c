#include "rules/tsv.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/text.hpp"

namespace news {

std::string Problem::to_string() const {
  return line ? path + ":" + std::to_string(line) + ": " + reason : path + ": " + reason;
}

std::string_view TsvRow::get(std::string_view column) const {
  if (!header) return {};
  for (size_t i = 0; i < header->size(); ++i)
    if ((*header)[i] == column) return i < fields.size() ? std::string_view(fields[i]) : std::string_view();
  return {};
}

bool TsvRow::has(std::string_view column) const {
  return header && std::find(header->begin(), header->end(), column) != header->end();
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string> split_list(std::string_view s) {
  std::vector<std::string> out;
  if (trim(s) == "-" || trim(s).empty()) return out;
  size_t pos = 0;
  while (true) {
    const size_t bar = s.find('|', pos);
    out.emplace_back(trim(s.substr(pos, bar == std::string_view::npos ? std::string_view::npos : bar - pos)));
    if (bar == std::string_view::npos) break;
    pos = bar + 1;
  }
  return out;
}

static bool read_lines(const std::string& path, std::vector<std::string>& lines, Problems& problems) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    problems.push_back({path, 0, "cannot open the file"});
    return false;
  }
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
  }
  if (!lines.empty() && lines[0].rfind("\xEF\xBB\xBF", 0) == 0) lines[0].erase(0, 3);
  return true;
}

TsvTable TsvTable::read(const std::string& path, const std::vector<std::string>& required,
                        const std::vector<std::string>& optional, Problems& problems) {
  TsvTable t;
  t.path = path;
  std::vector<std::string> lines;
  if (!read_lines(path, lines, problems)) return t;
  bool have_header = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    const uint32_t lineno = uint32_t(i + 1);
    const std::string& raw = lines[i];
    if (trim(raw).empty() || raw[0] == '#') continue;
    if (const size_t bad = find_invalid_utf8(raw); bad != std::string::npos) {
      problems.push_back({path, lineno, "invalid UTF-8 at byte " + std::to_string(bad + 1)});
      continue;
    }
    std::vector<std::string> fields;
    size_t pos = 0;
    while (true) {
      const size_t tab = raw.find('\t', pos);
      fields.emplace_back(trim(std::string_view(raw).substr(pos, tab == std::string::npos ? std::string::npos : tab - pos)));
      if (tab == std::string::npos) break;
      pos = tab + 1;
    }
    if (raw[0] == '@') {
      t.directives.emplace_back(fields[0].substr(1), fields.size() > 1 ? fields[1] : "");
      continue;
    }
    if (!have_header) {
      have_header = true;
      t.header = fields;
      for (const auto& col : required)
        if (std::find(fields.begin(), fields.end(), col) == fields.end())
          problems.push_back({path, lineno, "header lacks the required column '" + col + "'"});
      for (const auto& col : fields)
        if (std::find(required.begin(), required.end(), col) == required.end() &&
            std::find(optional.begin(), optional.end(), col) == optional.end())
          problems.push_back({path, lineno, "unknown column '" + col + "' in the header"});
      continue;
    }
    if (fields.size() != t.header.size()) {
      problems.push_back({path, lineno, "expected " + std::to_string(t.header.size()) + " tab-separated columns (" +
                                            [&] { std::string h; for (auto& c : t.header) h += (h.empty() ? "" : ", ") + c; return h; }() +
                                            "), found " + std::to_string(fields.size())});
      continue;
    }
    t.rows.push_back({lineno, std::move(fields), {}});
  }
  if (!have_header && !lines.empty()) problems.push_back({path, 0, "no header line"});
  auto shared = std::make_shared<const std::vector<std::string>>(t.header);
  for (auto& r : t.rows) r.header = shared;
  return t;
}

std::vector<std::pair<uint32_t, std::string>> read_list(const std::string& path, Problems& problems) {
  std::vector<std::pair<uint32_t, std::string>> out;
  std::vector<std::string> lines;
  if (!read_lines(path, lines, problems)) return out;
  for (size_t i = 0; i < lines.size(); ++i) {
    const auto item = trim(lines[i]);
    if (item.empty() || item[0] == '#') continue;
    if (find_invalid_utf8(item) != std::string_view::npos) {
      problems.push_back({path, uint32_t(i + 1), "invalid UTF-8"});
      continue;
    }
    if (item.find('\t') != std::string_view::npos) {
      problems.push_back({path, uint32_t(i + 1), "a list file has one entry a line, without tabs"});
      continue;
    }
    out.emplace_back(uint32_t(i + 1), std::string(item));
  }
  return out;
}

}  // namespace news
