// An immutable string that many declarations share (the file an origin is
// in, the code group an atom tests): one heap copy per distinct name instead
// of one per rule, and 8 bytes in the owner instead of a std::string's 32.
#pragma once

#include <atomic>
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

namespace triage::engine {

/// Reads like a const std::string. Copies share the text; make one per
/// distinct name and copy it to every owner to get the saving. A pointer to
/// a counted block: a shared_ptr is twice that, in every atom and origin of
/// a large rule base.
class SharedName {
public:
    SharedName() = default;
    SharedName(std::string text) : shared_(new Shared{{1}, std::move(text)}) {}
    SharedName(const char* text) : SharedName(std::string(text)) {}
    SharedName(const SharedName& other) noexcept : shared_(other.shared_) { retain(); }
    SharedName(SharedName&& other) noexcept : shared_(std::exchange(other.shared_, nullptr)) {}
    SharedName& operator=(const SharedName& other) noexcept {
        SharedName copy(other);
        std::swap(shared_, copy.shared_);
        return *this;
    }
    SharedName& operator=(SharedName&& other) noexcept {
        std::swap(shared_, other.shared_);
        return *this;
    }
    ~SharedName() {
        if (shared_ && shared_->owners.fetch_sub(1, std::memory_order_acq_rel) == 1) delete shared_;
    }

    const std::string& str() const { return shared_ ? shared_->text : emptyText(); }
    operator const std::string&() const { return str(); }
    operator std::string_view() const { return str(); }
    bool empty() const { return str().empty(); }
    std::size_t size() const { return str().size(); }
    const char* c_str() const { return str().c_str(); }

    friend bool operator==(const SharedName& a, const SharedName& b) { return a.str() == b.str(); }
    friend bool operator==(const SharedName& a, std::string_view b) { return a.str() == b; }
    friend bool operator==(const SharedName& a, const char* b) { return a.str() == b; }
    friend std::string operator+(std::string a, const SharedName& b) { return a += b.str(); }
    friend std::string operator+(const SharedName& a, std::string_view b) { return a.str() + std::string(b); }
    friend std::string operator+(const SharedName& a, const char* b) { return a.str() + b; }
    friend std::ostream& operator<<(std::ostream& out, const SharedName& name) { return out << name.str(); }

private:
    static const std::string& emptyText() {
        static const std::string empty;
        return empty;
    }
    struct Shared {
        std::atomic<std::size_t> owners;  // copies may be dropped on several threads
        const std::string text;
    };
    void retain() const noexcept {
        if (shared_) shared_->owners.fetch_add(1, std::memory_order_relaxed);
    }
    Shared* shared_ = nullptr;
};

}  // namespace triage::engine
