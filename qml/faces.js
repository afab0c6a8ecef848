.pragma library

// A person's face on every screen (the header's "who is looking", the kiosk's row of
// faces): their initials on a colour of their own, the same on every device.

function initials(name) {
    const parts = name.trim().split(/\s+/)
    return parts.length > 1 ? (parts[0][0] + parts[parts.length - 1][0]).toUpperCase()
                            : name.slice(0, 1).toUpperCase()
}

function color(userId) {
    const palette = ["#e07a5f", "#3d85c6", "#81b29a", "#f2a541", "#9b5de5", "#00a6a6", "#d1495b"]
    let h = 0
    for (let i = 0; i < userId.length; ++i)
        h = (h * 31 + userId.charCodeAt(i)) % 997
    return palette[h % palette.length]
}
