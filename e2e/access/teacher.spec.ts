import { accessMatrix } from "./matrix";

accessMatrix("teacher");
