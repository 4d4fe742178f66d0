public class App {
    public static void main(String[] args) {
        System.out.println("Hello from the Java app");
    }
}
