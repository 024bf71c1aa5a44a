import { accessMatrix } from "./matrix";

accessMatrix("admin");
