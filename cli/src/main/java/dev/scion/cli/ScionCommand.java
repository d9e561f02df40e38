package dev.scion.cli;

public final class ScionCommand {
    public static void main(String[] args) {
    }
}
