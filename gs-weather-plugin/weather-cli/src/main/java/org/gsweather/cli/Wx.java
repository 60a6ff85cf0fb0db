package org.gsweather.cli;

public class Wx {
    public static void main(String[] args) {}
}
