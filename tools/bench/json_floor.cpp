// The floor under any news-extract run: read JSON Lines with nlohmann/json,
// write one small record per line. tools/bench/run compares against it.
#include <cstdio>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

int main() {
  std::ios::sync_with_stdio(false);
  std::string line;
  while (std::getline(std::cin, line)) {
    nlohmann::ordered_json out;
    try {
      auto in = nlohmann::json::parse(line);
      out["id"] = in.value("id", "");
      out["chars"] = in.value("text", "").size();
      out["errors"] = nlohmann::json::array();
    } catch (const std::exception& e) {
      out["errors"] = {{{"code", "invalid-json"}, {"message", e.what()}}};
    }
    std::cout << out.dump() << '\n';
  }
}
