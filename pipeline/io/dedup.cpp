#include "io/dedup.hpp"

#include <algorithm>

#include "core/uuid.hpp"

namespace news {

namespace {

constexpr uint64_t kFnvOffset = 14695981039346656037ull, kFnvPrime = 1099511628211ull;

// FNV-1a with a seed per key kind, never 0 (0 means "no key").
uint64_t hash_bytes(std::string_view s, uint64_t seed) {
  uint64_t h = kFnvOffset ^ seed;
  for (unsigned char c : s) h = (h ^ c) * kFnvPrime;
  return h ? h : 1;
}

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

uint64_t text_key(std::string_view text) {
  uint64_t h = kFnvOffset ^ 0x7465787400000000ull;
  bool space = false, any = false;
  for (unsigned char c : text) {
    if (is_space(c)) {
      space = true;
      continue;
    }
    if (space && any) h = (h ^ ' ') * kFnvPrime;
    space = false;
    any = true;
    h = (h ^ (c >= 'A' && c <= 'Z' ? c + 32 : c)) * kFnvPrime;
  }
  return any ? (h ? h : 1) : 0;
}

}  // namespace

std::string normalise_url(std::string_view url) {
  while (!url.empty() && is_space(static_cast<unsigned char>(url.front()))) url.remove_prefix(1);
  while (!url.empty() && is_space(static_cast<unsigned char>(url.back()))) url.remove_suffix(1);
  if (const size_t hash = url.find('#'); hash != std::string_view::npos) url = url.substr(0, hash);
  if (const size_t scheme = url.find("://"); scheme != std::string_view::npos && scheme < 10) url.remove_prefix(scheme + 3);
  const size_t host_end = std::min(url.find_first_of("/?"), url.size());
  std::string out;
  for (size_t i = 0; i < host_end; ++i) out += char(std::tolower(static_cast<unsigned char>(url[i])));
  if (out.rfind("www.", 0) == 0) out.erase(0, 4);
  std::string_view rest = url.substr(host_end);
  std::string_view path = rest.substr(0, std::min(rest.find('?'), rest.size()));
  std::string_view query = rest.substr(path.size());
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  out += path;
  if (!query.empty()) {
    query.remove_prefix(1);
    std::string kept;
    while (!query.empty()) {
      const size_t amp = std::min(query.find('&'), query.size());
      std::string_view param = query.substr(0, amp);
      if (!param.empty() && param.rfind("utm_", 0) != 0) kept += (kept.empty() ? "?" : "&") + std::string(param);
      query.remove_prefix(std::min(amp + 1, query.size()));
    }
    out += kept;
  }
  return out;
}

DuplicateFinder::DuplicateFinder(size_t capacity) : capacity_(std::max<size_t>(1, capacity)) {}

void DuplicateFinder::forget(size_t slot) {
  for (uint64_t key : {ring_[slot].url_key, ring_[slot].text_key}) {
    auto it = slot_of_.find(key);
    if (key && it != slot_of_.end() && it->second == slot) slot_of_.erase(it);
  }
}

std::optional<std::string> DuplicateFinder::check(const Article& a) {
  if (!a.errors.empty()) return std::nullopt;
  uint64_t url = 0;
  if (auto u = a.meta.find("url"); u != a.meta.end() && u->is_string()) {
    const std::string normal = normalise_url(u->get_ref<const std::string&>());
    if (!normal.empty()) url = hash_bytes(normal, 0x75726c0000000000ull);
  }
  const uint64_t text = text_key(a.text);
  for (uint64_t key : {url, text}) {
    if (!key) continue;
    if (auto it = slot_of_.find(key); it != slot_of_.end()) return ring_[it->second].id;
  }
  if (!url && !text) return std::nullopt;
  size_t slot;
  if (ring_.size() < capacity_) {
    slot = ring_.size();
    ring_.push_back({});
  } else {
    slot = next_;
    next_ = (next_ + 1) % capacity_;
    forget(slot);
  }
  ring_[slot] = {a.id, url, text};
  if (url) slot_of_[url] = slot;
  if (text) slot_of_[text] = slot;
  return std::nullopt;
}

uint64_t shard_of(std::string_view id, uint64_t shards) {
  const Sha1Digest d = sha1(id);
  uint64_t h = 0;
  for (int i = 0; i < 8; ++i) h = (h << 8) | d[i];
  return shards ? h % shards : 0;
}

}  // namespace news
