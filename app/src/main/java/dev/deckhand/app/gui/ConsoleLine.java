package dev.deckhand.app.gui;

/** One line of the push console. */
public record ConsoleLine(String text, boolean stderr) {}
