// A short list of plain values kept inside its owner (on the heap only past
// `Inline` elements): the children of condition nodes and the sets of atoms,
// millions of which hold one to three elements in a large rule base.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <stdexcept>
#include <type_traits>
#include <vector>

namespace triage::engine {

/// Reads like a std::vector (size, [], front, iteration, push_back), but a
/// list of up to `Inline` elements needs no allocation, and the whole is
/// 16 bytes for three 32-bit indexes or one 8-byte value (a vector is 24
/// bytes plus a heap block of at least 32). Past `Inline`, the elements are
/// on the heap with a capacity of the next power of two.
template <typename T, std::size_t Inline>
class InlineList {
    static_assert(std::is_trivially_copyable_v<T>, "elements are copied as bytes");
    static_assert(Inline > 0);

public:
    using value_type = T;
    using size_type = std::size_t;
    using iterator = T*;
    using const_iterator = const T*;
    using reference = T&;
    using const_reference = const T&;

    InlineList() = default;
    InlineList(std::initializer_list<T> values) { assign(values.begin(), values.end()); }
    InlineList(const std::vector<T>& values) { assign(values.data(), values.data() + values.size()); }
    InlineList(const InlineList& other) { assign(other.begin(), other.end()); }
    InlineList(InlineList&& other) noexcept { steal(other); }
    InlineList& operator=(const InlineList& other) {
        if (this != &other) {
            clear();
            assign(other.begin(), other.end());
        }
        return *this;
    }
    InlineList& operator=(InlineList&& other) noexcept {
        if (this != &other) {
            clear();
            steal(other);
        }
        return *this;
    }
    ~InlineList() { clear(); }

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    T* data() { return onHeap() ? heap() : local(); }
    const T* data() const { return onHeap() ? heap() : local(); }
    T* begin() { return data(); }
    T* end() { return data() + size_; }
    const T* begin() const { return data(); }
    const T* end() const { return data() + size_; }
    T& operator[](std::size_t i) { return data()[i]; }
    const T& operator[](std::size_t i) const { return data()[i]; }
    const T& at(std::size_t i) const {
        if (i >= size_) throw std::out_of_range("InlineList::at");
        return data()[i];
    }
    T& front() { return data()[0]; }
    const T& front() const { return data()[0]; }
    T& back() { return data()[size_ - 1]; }
    const T& back() const { return data()[size_ - 1]; }

    /// Nothing to do: the capacity follows the size (kept for vector-like callers).
    void reserve(std::size_t) {}

    void push_back(const T& value) {
        const T copy = value;  // `value` may live in this list
        // Full: the inline elements, or a heap block (its capacity is size_ when that is a power of two).
        if (size_ == Inline || (size_ > Inline && std::has_single_bit(size_))) grow(size_ + 1);
        ++size_;
        data()[size_ - 1] = copy;
    }

    void clear() {
        if (onHeap()) delete[] heap();
        size_ = 0;
    }

    friend bool operator==(const InlineList& a, const InlineList& b) {
        return std::equal(a.begin(), a.end(), b.begin(), b.end());
    }
    friend bool operator==(const InlineList& a, const std::vector<T>& b) {
        return std::equal(a.begin(), a.end(), b.begin(), b.end());
    }

private:
    bool onHeap() const { return size_ > Inline; }
    T* local() { return reinterpret_cast<T*>(storage_); }
    const T* local() const { return reinterpret_cast<const T*>(storage_); }
    // The heap pointer shares the storage of the inline elements (read with
    // memcpy, which any alignment allows).
    T* heap() const {
        T* pointer;
        std::memcpy(&pointer, storage_, sizeof pointer);
        return pointer;
    }
    void setHeap(T* pointer) { std::memcpy(storage_, &pointer, sizeof pointer); }

    /// Moves the elements to a heap block that holds `count`; size_ is still
    /// the old size, so the caller raises it past Inline.
    void grow(std::size_t count) {
        T* block = new T[std::bit_ceil(count)];
        std::memcpy(block, data(), size_ * sizeof(T));
        if (onHeap()) delete[] heap();
        setHeap(block);
    }

    /// Requires an empty list.
    void assign(const T* first, const T* last) {
        const auto count = static_cast<std::size_t>(last - first);
        if (count > Inline) setHeap(new T[std::bit_ceil(count)]);
        size_ = static_cast<std::uint32_t>(count);
        if (count != 0) std::memcpy(data(), first, count * sizeof(T));
    }

    /// Requires an empty list; leaves `other` empty.
    void steal(InlineList& other) {
        std::memcpy(storage_, other.storage_, sizeof storage_);
        size_ = other.size_;
        other.size_ = 0;
    }

    // The storage comes first and is pointer-aligned: the heap pointer kept in
    // it must sit where LeakSanitizer (and any other pointer scan) looks, or a
    // list kept alive until exit reads as a leak. 16 bytes for three 32-bit
    // elements all the same: 12 bytes of storage, then the size.
    alignas(alignof(T) > alignof(T*) ? alignof(T) : alignof(T*))
        unsigned char storage_[std::max(Inline * sizeof(T), sizeof(T*))] = {};
    std::uint32_t size_ = 0;
};

static_assert(sizeof(InlineList<std::uint32_t, 3>) == 16, "condition children: 12 bytes inline, then the size");

}  // namespace triage::engine
