console.log("Hello from the production stage!");
